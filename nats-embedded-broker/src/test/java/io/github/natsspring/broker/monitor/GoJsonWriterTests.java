package io.github.natsspring.broker.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON text matches what Go's {@code json.MarshalIndent(v, "", "  ")} writes for the same values. */
class GoJsonWriterTests {

	@Test
	void nestedValuesAreIndentedByTwoSpacesWithAColonAndASpace() {
		String text = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", "N1")
			.name("list")
			.beginArray()
			.value("a")
			.value(2)
			.endArray()
			.name("inner")
			.beginObject()
			.field("ok", true)
			.endObject()
			.endObject()
			.text();

		assertThat(text).isEqualTo("""
				{
				  "server_id": "N1",
				  "list": [
				    "a",
				    2
				  ],
				  "inner": {
				    "ok": true
				  }
				}""");
	}

	@Test
	void emptyObjectsAndArraysStayOnOneLine() {
		String text = GoJsonWriter.indented().beginObject().emptyObject("cluster").name("routes").beginArray()
			.endArray().endObject().text();

		assertThat(text).isEqualTo("{\n  \"cluster\": {},\n  \"routes\": []\n}");
	}

	@Test
	void omitEmptyLeavesOutEmptyStringsZerosAndFalse() {
		String text = GoJsonWriter.compact()
			.beginObject()
			.fieldOmitEmpty("name", "")
			.fieldOmitEmpty("lang", (String) null)
			.fieldOmitEmpty("max", 0)
			.fieldOmitEmpty("tls_required", false)
			.fieldOmitEmpty("qgroup", "q")
			.endObject()
			.text();

		assertThat(text).isEqualTo("{\"qgroup\":\"q\"}");
	}

	@Test
	void stringsAreEscapedAsGoEscapesThem() {
		String text = GoJsonWriter.compact().beginArray().value("a\"b\\c\n<tag>&\u0001\u2028").endArray().text();

		assertThat(text).isEqualTo("[\"a\\\"b\\\\c\\n\\u003ctag\\u003e\\u0026\\u0001\\u2028\"]");
	}

	@Test
	void floatsAreWrittenWithoutATrailingFractionWhenWhole() {
		String text = GoJsonWriter.compact().beginArray().value(2.0).value(0.5).value(1.25).endArray().text();

		assertThat(text).isEqualTo("[2,0.5,1.25]");
	}
}
