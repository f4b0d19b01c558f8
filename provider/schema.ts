/**
 * `pulumi-redshift-datashare/schema`: both resources' schemas and the helpers that read them, without
 * loading the providers or the AWS SDK (a program, a benchmark floor or a plugin's schema generator
 * can import it cheaply).
 */
export { consumerSpec } from "./consumer/schema";
export { authorizationSpec } from "./authorization/schema";
export {
  dynamicTypeToken,
  inputNames,
  outputNames,
  outputOnlyNames,
  packageTypeToken,
  pickInputs,
} from "./core/schema";
export type { InputName, OutputOnlyName, PropertySpec, ResourceSpec } from "./core/schema";
