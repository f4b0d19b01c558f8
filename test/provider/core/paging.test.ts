import * as assert from "node:assert/strict";
import { IncompleteListingError } from "../../../provider/core/errors";
import { createProvider } from "../../../provider/consumer/provider";
import { Page, RedshiftApi, collectPages } from "../../../provider/core/redshiftApi";
import { CONSUMER_ACCOUNT, DATASHARE } from "../../fixtures/arns";

/** A listing with `pages` pages of one item each; markers "m1", "m2", … */
function pagesOf(pages: number) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (marker: string | undefined): Promise<Page<number>> => {
    asked.push(marker);
    const n = marker === undefined ? 1 : Number(marker.slice(1)) + 1;
    return { items: [n], marker: n < pages ? `m${n}` : undefined };
  };
  return { fetchPage, asked };
}

describe("paging through DescribeDataShares", () => {
  it("collects every page until the marker ends", async () => {
    const { fetchPage, asked } = pagesOf(3);
    assert.deepEqual(await collectPages(fetchPage, "listing", 10), [1, 2, 3]);
    assert.deepEqual(asked, [undefined, "m1", "m2"]);
  });

  it("a listing with exactly the page limit is complete", async () => {
    const { fetchPage } = pagesOf(5);
    assert.equal((await collectPages(fetchPage, "listing", 5)).length, 5);
  });

  it("a listing longer than the page limit fails instead of answering with what it has", async () => {
    const { fetchPage } = pagesOf(6);
    const err = await collectPages(fetchPage, "DescribeDataShares of x", 5).catch((e: unknown) => e);
    assert.ok(err instanceof IncompleteListingError);
    assert.equal(err.kind, "IncompleteListing");
    assert.match(err.message, /more than 5 pages and was not read to the end/);
  });

  it("a server that repeats its marker fails instead of looping or stopping early", async () => {
    const err = await collectPages(async () => ({ items: [1], marker: "same" }), "listing", 50).catch(
      (e: unknown) => e,
    );
    assert.ok(err instanceof IncompleteListingError);
    assert.equal(err.kind, "IncompleteListing");
  });

  it("read never reports an association gone from a listing cut short", async () => {
    const api: RedshiftApi = {
      associateDataShareConsumer: () => Promise.reject(new Error("unused")),
      disassociateDataShareConsumer: () => Promise.reject(new Error("unused")),
      // The association would be on a page after the limit: the listing fails as collectPages does.
      describeDataShares: () =>
        collectPages(pagesOf(2000).fetchPage, `DescribeDataShares of ${DATASHARE}`).then(() => []),
      getCallerIdentity: async () => ({ account: CONSUMER_ACCOUNT }),
    };
    const provider = createProvider({ region: "us-east-1", env: {}, apiFactory: () => api });
    const err = await provider.read(`${DATASHARE},account`, {}).catch((e: unknown) => e);
    assert.ok(err instanceof IncompleteListingError, String(err));
    assert.equal(err.kind, "IncompleteListing");
  });
});
