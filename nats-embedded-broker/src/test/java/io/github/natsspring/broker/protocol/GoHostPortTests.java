package io.github.natsspring.broker.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GoHostPortTests {

	@Test
	void splitsHostAndPortAndUnbracketsIpv6() {
		assertThat(GoHostPort.split("127.0.0.1:6222")).isEqualTo(new GoHostPort("127.0.0.1", "6222"));
		assertThat(GoHostPort.split("[::1]:6222")).isEqualTo(new GoHostPort("::1", "6222"));
		assertThat(GoHostPort.split("h:")).isEqualTo(new GoHostPort("h", ""));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			h          | address h: missing port in address
			a:b:c      | address a:b:c: too many colons in address
			[::1       | address [::1: missing ']' in address
			[::1]      | address [::1]: missing port in address
			[::1]x:1   | address [::1]x:1: missing port in address
			[::1]:2:1  | address [::1]:2:1: too many colons in address
			a]:1       | address a]:1: unexpected ']' in address
			""")
	void splitRefusesAsGoDoes(String hostPort, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> GoHostPort.split(hostPort)).withMessage(message);
	}

	@Test
	void anEmptyAddressHasNoPortAndNoAddressInTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> GoHostPort.split(""))
			.withMessage("missing port in address");
	}

	@Test
	void advertisedAddressTakesTheDefaultPortWhenItHasNoneOrZero() {
		assertThat(GoHostPort.withDefaultPort("h", 6222)).isEqualTo(new GoHostPort("h", "6222"));
		assertThat(GoHostPort.withDefaultPort(" h : 0 ", 6222)).isEqualTo(new GoHostPort("h", "6222"));
		assertThat(GoHostPort.withDefaultPort("h:-1", 6222)).isEqualTo(new GoHostPort("h", "6222"));
		assertThat(GoHostPort.withDefaultPort("h:+7", 6222)).isEqualTo(new GoHostPort("h", "7"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			h:x                      | strconv.Atoi: parsing "x": invalid syntax
			h:99999999999999999999   | strconv.Atoi: parsing "99999999999999999999": value out of range
			a:b:c                    | address a:b:c: too many colons in address
			""")
	void advertisedAddressRefusalsUseGosWords(String hostPort, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> GoHostPort.withDefaultPort(hostPort, 0))
			.withMessage(message);
	}

	@Test
	void anEmptyAdvertisedAddressIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> GoHostPort.withDefaultPort("", 0))
			.withMessage("no hostport specified");
	}
}
