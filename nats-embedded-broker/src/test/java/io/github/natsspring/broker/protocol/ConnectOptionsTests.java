package io.github.natsspring.broker.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** CONNECT JSON read as nats-server 2.9.10 reads it (Go's encoding/json into its options). */
class ConnectOptionsTests {

	@Test
	void everyStandardFieldIsRead() throws ProtocolViolation {
		ConnectOptions options = ConnectOptions.parse("{\"verbose\":false,\"pedantic\":false,\"echo\":false,"
				+ "\"headers\":true,\"no_responders\":true,\"protocol\":1,\"name\":\"n\",\"lang\":\"java\","
				+ "\"version\":\"2.26.3\",\"user\":\"u\",\"pass\":\"p\",\"auth_token\":\"t\",\"nkey\":\"UA\","
				+ "\"jwt\":\"j\",\"sig\":\"s\",\"account\":\"A\",\"new_account\":true,\"tls_required\":true}");
		assertThat(options).isEqualTo(new ConnectOptions(false, false, false, true, true, 1, "n", "java", "2.26.3", "u",
				"p", "t", "UA", "j", "s", "A", true, true));
	}

	@Test
	void missingVerbosePedanticAndEchoMeanTrue() throws ProtocolViolation {
		assertThat(ConnectOptions.parse("{}")).isEqualTo(ConnectOptions.DEFAULTS);
		assertThat(ConnectOptions.DEFAULTS.verbose()).isTrue();
		assertThat(ConnectOptions.DEFAULTS.pedantic()).isTrue();
		assertThat(ConnectOptions.DEFAULTS.echo()).isTrue();
		assertThat(ConnectOptions.DEFAULTS.headers()).isFalse();
	}

	@Test
	void unknownFieldsOfAnyShapeAreIgnored() throws ProtocolViolation {
		assertThat(ConnectOptions.parse("{\"verbose\":false,\"zz\":[1,{\"a\":2}],\"import\":{\"allow\":[\"x\"]}}").verbose())
			.isFalse();
	}

	@Test
	void keysMatchWithoutRegardToCase() throws ProtocolViolation {
		assertThat(ConnectOptions.parse("{\"VERBOSE\":false,\"No_Responders\":true}"))
			.extracting(ConnectOptions::verbose, ConnectOptions::noResponders)
			.containsExactly(false, true);
	}

	@Test
	void nullValueOrNullDocumentLeavesFieldsAsTheyWere() throws ProtocolViolation {
		ConnectOptions base = ConnectOptions.parse("{\"verbose\":false,\"name\":\"a\"}");
		assertThat(ConnectOptions.parse("{\"verbose\":null,\"name\":null}", base)).isEqualTo(base);
		assertThat(ConnectOptions.parse("null", base)).isEqualTo(base);
	}

	@Test
	void laterConnectIsReadOverTheEarlierOne() throws ProtocolViolation {
		ConnectOptions first = ConnectOptions.parse("{\"verbose\":false,\"headers\":true}");
		assertThat(ConnectOptions.parse("{\"name\":\"x\"}", first))
			.extracting(ConnectOptions::verbose, ConnectOptions::headers, ConnectOptions::name)
			.containsExactly(false, true, "x");
	}

	@Test
	void lastOfDuplicateKeysWins() throws ProtocolViolation {
		assertThat(ConnectOptions.parse("{\"verbose\":false,\"verbose\":true}").verbose()).isTrue();
	}

	@Test
	void invalidJsonIsASilentClose() {
		for (String json : new String[] { "", " ", "[]", "\"x\"", "true", "1", "{", "{\"verbose\":false,}",
				"{\"verbose\":false} x", "{}{}", "{'verbose':false}" }) {
			assertThatExceptionOfType(ProtocolViolation.class).as(json)
				.isThrownBy(() -> ConnectOptions.parse(json))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ProtocolViolation.Kind.SILENT_CLOSE))
				.satisfies((ex) -> assertThat(ex.errText()).isNull());
		}
	}

	@Test
	void valueOfTheWrongTypeIsASilentClose() {
		for (String json : new String[] { "{\"verbose\":\"x\"}", "{\"name\":5}", "{\"protocol\":\"1\"}",
				"{\"protocol\":1.0}", "{\"protocol\":1e0}", "{\"protocol\":99999999999999999999}", "{\"import\":5}" }) {
			assertThatExceptionOfType(ProtocolViolation.class).as(json)
				.isThrownBy(() -> ConnectOptions.parse(json))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ProtocolViolation.Kind.SILENT_CLOSE));
		}
	}

	@Test
	void protocolOtherThanZeroOrOneIsRefusedByValidate() throws ProtocolViolation {
		ConnectOptions.parse("{\"protocol\":0}").validate();
		ConnectOptions.parse("{\"protocol\":1}").validate();
		for (String protocol : new String[] { "2", "-1", "4294967297" }) {
			ConnectOptions options = ConnectOptions.parse("{\"protocol\":" + protocol + "}");
			assertThatExceptionOfType(ProtocolViolation.class).isThrownBy(options::validate)
				.satisfies((ex) -> assertThat(ex.errText()).isEqualTo("invalid client protocol"));
		}
	}

	@Test
	void noRespondersWithoutHeadersIsRefusedByValidate() throws ProtocolViolation {
		ConnectOptions options = ConnectOptions.parse("{\"no_responders\":true}");
		assertThatExceptionOfType(ProtocolViolation.class).isThrownBy(options::validate)
			.satisfies((ex) -> assertThat(ex.errText()).isEqualTo("no responders requires headers support"));
		ConnectOptions.parse("{\"no_responders\":true,\"headers\":true}").validate();
	}

	@Test
	void secretsStayOutOfToString() throws ProtocolViolation {
		assertThat(ConnectOptions.parse("{\"user\":\"u\",\"pass\":\"hunter2\",\"auth_token\":\"tok\"}").toString())
			.contains("user=u")
			.doesNotContain("hunter2", "tok");
	}
}
