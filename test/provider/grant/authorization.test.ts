/**
 * A GRANT made by DataShareGrant is what AuthorizeDataShare needs: the existing
 * DataShareAuthorization provider, on the same emulator, authorizes the datashare once the grant
 * exists, and the grant's REVOKE ends that authorization again.
 */
import { strict as assert } from "node:assert";
import { createAuthorizationProvider } from "../../../provider/authorization/provider";
import { emulatorProviderOptions } from "../shared/resources";
import { GrantWorld, startGrantWorld } from "./live";

describe("DataShareGrant and DataShareAuthorization (same emulator)", () => {
  let w: GrantWorld;
  beforeEach(async () => {
    w = await startGrantWorld();
  });
  afterEach(async () => {
    await w.emu.stop();
  });

  const authorizations = () => createAuthorizationProvider({ ...emulatorProviderOptions(w.emu, "producer") });

  it("AuthorizeDataShare is refused before the grant and succeeds after it", async () => {
    const arn = await w.share("gshare");
    const authorization = authorizations();
    const declared = { dataShareArn: arn, consumerIdentifier: w.consumer };
    await assert.rejects(
      authorization.create(declared),
      (e: unknown) => e instanceof Error && /GRANT USAGE ON DATASHARE/.test(e.message),
    );

    const { outs } = await w.provider.create(w.declared("gshare"));
    assert.equal(outs.dataShareArn, arn, "the grant's dataShareArn is what the authorization takes");
    const { outs: authorized } = await authorization.create({ ...declared, dataShareArn: outs.dataShareArn });
    assert.equal(authorized.status, "AUTHORIZED");
  });

  it("a Data Catalog grant makes the DataCatalog/<account> authorization possible", async () => {
    const arn = await w.share("gshare");
    const consumerIdentifier = `DataCatalog/${w.consumer}`;
    await w.provider.create(w.declared("gshare", consumerIdentifier));
    const { outs } = await authorizations().create({ dataShareArn: arn, consumerIdentifier });
    assert.equal(outs.status, "AUTHORIZED");
  });

  it("deleting the grant (REVOKE) ends the authorization too", async () => {
    const arn = await w.share("gshare");
    const grant = await w.provider.create(w.declared("gshare"));
    const authorization = authorizations();
    const authorized = await authorization.create({ dataShareArn: arn, consumerIdentifier: w.consumer });
    await w.provider.delete(grant.id, grant.outs);
    const read = await authorization.read(authorized.id, authorized.outs);
    assert.equal(read.id, "", "the authorization is gone with the grant");
  });
});
