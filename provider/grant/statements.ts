/**
 * The SQL a DataShareGrant runs, built only from ../core/sql.ts's quoting (a name or literal that
 * could change the statement is refused there with the property's name). Pure.
 *
 * GRANT USAGE ON DATASHARE "<name>" TO ACCOUNT '<account>' [VIA DATA CATALOG] | TO NAMESPACE '<guid>'
 * REVOKE USAGE ON DATASHARE "<name>" FROM ACCOUNT '<account>' [VIA DATA CATALOG] | FROM NAMESPACE '<guid>'
 */
import { accountLiteral, namespaceLiteral, quoteDataShareName, SqlValueError } from "../core/sql";
import { parseGrantee } from "./grantee";

export interface GrantStatementInputs {
  dataShareName: string;
  consumerIdentifier: string;
}

function granteeClause(consumerIdentifier: string): string {
  const grantee = parseGrantee(consumerIdentifier);
  switch (grantee?.kind) {
    case "account":
      return `ACCOUNT ${accountLiteral(grantee.accountId, "consumerIdentifier")}`;
    case "dataCatalog":
      return `ACCOUNT ${accountLiteral(grantee.accountId, "consumerIdentifier")} VIA DATA CATALOG`;
    case "namespace":
      return `NAMESPACE ${namespaceLiteral(grantee.namespaceId, "consumerIdentifier")}`;
    default:
      throw new SqlValueError(
        "consumerIdentifier",
        "must be a 12-digit account ID, DataCatalog/<account ID> or a namespace GUID",
      );
  }
}

export function grantStatement(g: GrantStatementInputs): string {
  const share = quoteDataShareName(g.dataShareName, "dataShareName");
  return `GRANT USAGE ON DATASHARE ${share} TO ${granteeClause(g.consumerIdentifier)}`;
}

export function revokeStatement(g: GrantStatementInputs): string {
  const share = quoteDataShareName(g.dataShareName, "dataShareName");
  return `REVOKE USAGE ON DATASHARE ${share} FROM ${granteeClause(g.consumerIdentifier)}`;
}
