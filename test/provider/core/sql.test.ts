import { strict as assert } from "node:assert";
import {
  accountLiteral,
  dataShareNameProblem,
  functionSignature,
  identifierFailure,
  identifierProblem,
  isReservedWord,
  namespaceLiteral,
  quoteDataShareName,
  quoteIdentifier,
  quoteLiteral,
  quoteQualifiedName,
  SqlValueError,
} from "../../../provider/core/sql";
import { HOSTILE_NAMES } from "./sqlHostileNames";

function refusal(run: () => unknown): SqlValueError {
  try {
    run();
  } catch (error) {
    if (error instanceof SqlValueError) return error;
    throw error;
  }
  assert.fail("accepted");
}

describe("provider SQL names: check and quote", () => {
  it("quotes every name, doubling double quotes, reserved words included", () => {
    assert.equal(quoteIdentifier("sales", "schemas[0]"), '"sales"');
    assert.equal(quoteIdentifier('a"b', "schemas[0]"), '"a""b"');
    assert.equal(quoteIdentifier("table", "schemas[0]"), '"table"');
    assert.ok(isReservedWord("TABLE") && isReservedWord("permissions") && !isReservedWord("datashare"));
    assert.equal(quoteQualifiedName("sales", "orders", "tables[0]"), '"sales"."orders"');
  });

  for (const [name, reason] of [
    ["", "must not be empty"],
    ["x".repeat(128), "128 bytes"],
    ["é".repeat(64), "128 bytes"],
    ["nul\0byte", "U+0000"],
    ["line\nbreak", "U+000A"],
    ["zero\u200bwidth", "U+200B"],
    ["bidi\u202eoverride", "U+202E"],
    ["nbsp\u00a0name", "U+00A0"],
    [" leading", "space"],
    ["Upper", "lower case"],
  ]) {
    it(`refuses ${JSON.stringify(name.slice(0, 16))}, naming the property: ${reason}`, () => {
      const error = refusal(() => quoteIdentifier(name, "dataShare.schemas[2]"));
      assert.equal(error.property, "dataShare.schemas[2]");
      assert.ok(error.reason.includes(reason), error.reason);
      assert.ok(error.message.startsWith("dataShare.schemas[2]: "));
      assert.deepEqual(identifierFailure("dataShare.schemas[2]", name), {
        property: "dataShare.schemas[2]",
        reason: error.reason,
      });
    });
  }

  it("every hostile name is refused or comes out as one delimited identifier with no bare quote inside", () => {
    for (const name of HOSTILE_NAMES) {
      if (identifierProblem(name) !== undefined) {
        assert.throws(() => quoteIdentifier(name, "p"), SqlValueError, JSON.stringify(name));
        continue;
      }
      const quoted = quoteIdentifier(name, "p");
      assert.match(quoted, /^"(?:[^"]|"")*"$/, JSON.stringify(name));
    }
  });

  it("datashare names: identifiers the datashare ARN can carry (letters, digits, _ $ -)", () => {
    assert.equal(quoteDataShareName("sales_2024", "name"), '"sales_2024"');
    assert.equal(quoteDataShareName("données-$1", "name"), '"données-$1"');
    for (const name of ["Sales", "a b", "a/b", "a;b", "", "x".repeat(128), 'a"b', "a'b"]) {
      assert.ok(dataShareNameProblem(name), name);
      assert.equal(refusal(() => quoteDataShareName(name, "name")).property, "name");
    }
  });

  it("literals: quotes doubled; backslashes and invisible characters refused", () => {
    assert.equal(quoteLiteral("it's", "p"), "'it''s'");
    assert.ok(refusal(() => quoteLiteral("a\\'b", "p")).reason.includes("backslash"));
    assert.ok(refusal(() => quoteLiteral("a\nb", "p")).reason.includes("U+000A"));
    assert.equal(accountLiteral("444455556666", "consumerAccount"), "'444455556666'");
    assert.equal(refusal(() => accountLiteral("4444' OR '1", "consumerAccount")).property, "consumerAccount");
    const guid = "c0ffee00-0000-4000-8000-000000000001";
    assert.equal(namespaceLiteral(guid, "namespace"), `'${guid}'`);
    assert.throws(() => namespaceLiteral(guid.toUpperCase(), "namespace"), SqlValueError);
    assert.throws(() => namespaceLiteral(`${guid}'; --`, "namespace"), SqlValueError);
  });

  it("function signatures: names quoted, argument types checked", () => {
    assert.equal(
      functionSignature("sales", "f_net", ["integer", "varchar(256)"], "functions[0]"),
      '"sales"."f_net"(integer, varchar(256))',
    );
    for (const types of [["integer); drop datashare s; --"], ["Integer"], "integer", [1]]) {
      assert.equal(
        refusal(() => functionSignature("sales", "f", types, "functions[0]")).property,
        "functions[0]",
      );
    }
  });
});
