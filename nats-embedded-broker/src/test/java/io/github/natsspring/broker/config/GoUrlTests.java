package io.github.natsspring.broker.config;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GoUrlTests {

	@Test
	void authorityGivesHostPortUserAndPassword() {
		GoUrl url = GoUrl.parse("nats-route://ru:r%40p@127.0.0.1:6222/path?q#f");
		assertThat(url.host()).isEqualTo("127.0.0.1:6222");
		assertThat(url.username()).isEqualTo("ru");
		assertThat(url.password()).isEqualTo("r@p");
		assertThat(url.toUri()).isEqualTo(URI.create("nats-route://ru:r%40p@127.0.0.1:6222/path?q#f"));
	}

	@Test
	void userWithoutColonHasNoPassword() {
		GoUrl url = GoUrl.parse("nats://ru@h:1");
		assertThat(url.username()).isEqualTo("ru");
		assertThat(url.password()).isNull();
		assertThat(GoUrl.parse("nats://h:1").username()).isNull();
	}

	@Test
	void bracketedIpv6HostKeepsItsBrackets() {
		assertThat(GoUrl.parse("nats://[::1]:6222").host()).isEqualTo("[::1]:6222");
	}

	@Test
	void hostPortWithoutSchemeSlashesIsOpaqueAndHasNoHost() {
		assertThat(GoUrl.parse("localhost:6222").host()).isEmpty();
		assertThat(GoUrl.parse("nats:///127.0.0.1:1").host()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			nats://%41:1            | parse "nats://%41:1": invalid URL escape "%41"
			nats://127.0.0.1:1#%zz  | parse "nats://127.0.0.1:1#%zz": invalid URL escape "%zz"
			nats://127.0.0.1:1/%zz  | parse "nats://127.0.0.1:1/%zz": invalid URL escape "%zz"
			nats://a:1#x%4          | parse "nats://a:1#x%4": invalid URL escape "%4"
			nats://a b:1#%zz        | parse "nats://a b:1": invalid character " " in host name
			:1                      | parse ":1": missing protocol scheme
			""")
	void refusalsUseGosWords(String url, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> GoUrl.parse(url)).withMessage(message);
	}

	@Test
	void controlCharactersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> GoUrl.parse("nats://h:1\u0001"))
			.withMessage("parse \"nats://h:1\\x01\": net/url: invalid control character in URL");
	}
}
