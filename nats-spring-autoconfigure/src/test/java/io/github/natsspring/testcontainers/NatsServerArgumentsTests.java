package io.github.natsspring.testcontainers;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials read from nats-server command lines, in the flag forms nats-server accepts.
 */
class NatsServerArgumentsTests {

	@Test
	void userAndPasswordAreTheValuesFollowingTheirFlags() {
		NatsServerArguments arguments = NatsServerArguments
			.parse(List.of("--config", "nats-server.conf", "--user", "orders", "--pass", "s3cret"));
		assertThat(arguments.user()).isEqualTo("orders");
		assertThat(arguments.password()).isEqualTo("s3cret");
		assertThat(arguments.token()).isNull();
	}

	@Test
	void flagsMayHaveOneDashAndTheirValueAfterAnEqualsSign() {
		NatsServerArguments arguments = NatsServerArguments.parse(List.of("-js", "-user=orders", "-pass", "a=b"));
		assertThat(arguments.user()).isEqualTo("orders");
		assertThat(arguments.password()).isEqualTo("a=b");
	}

	@Test
	void tokenIsTheValueOfAuth() {
		assertThat(NatsServerArguments.parse(List.of("--auth=t0ken")).token()).isEqualTo("t0ken");
		assertThat(NatsServerArguments.parse(List.of("-auth", "t0ken")).token()).isEqualTo("t0ken");
	}

	@Test
	void commandLineWithoutCredentialFlagsHasNoCredentials() {
		NatsServerArguments arguments = NatsServerArguments.parse(List.of("-p", "4222", "--name", "user", "-DV"));
		assertThat(arguments.user()).isNull();
		assertThat(arguments.password()).isNull();
		assertThat(arguments.token()).isNull();
	}

	@Test
	void credentialFlagWithoutAValueIsIgnored() {
		assertThat(NatsServerArguments.parse(List.of("--user")).user()).isNull();
	}
}
