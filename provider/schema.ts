/**
 * `pulumi-redshift-datashare/schema`: the resource registry (every resource's schema) and the
 * helpers that read it, without loading the providers or the AWS SDK (a program, a benchmark floor
 * or a plugin's schema generator can import it cheaply).
 */
export { consumerSpec } from "./consumer/schema";
export { authorizationSpec } from "./authorization/schema";
export { dataShareSpec } from "./datashare/schema";
export { databaseSpec } from "./database/schema";
export { grantSpec } from "./grant/schema";
export { RESOURCES, resourceEntry, resourceNames, resourceOfType, resourceSpecs } from "./registry";
export type { RegisteredResource, ResourceName } from "./registry";
export {
  dynamicTypeToken,
  inputNames,
  objectTypes,
  outputNames,
  outputOnlyNames,
  packageTypeToken,
  pickInputs,
  requiredInputNames,
} from "./core/schema";
export type {
  FieldSpec,
  InputName,
  InputsOf,
  ItemSpec,
  ObjectTypeSpec,
  OutputOnlyName,
  PropertySpec,
  ResourceSpec,
  StateOf,
} from "./core/schema";
