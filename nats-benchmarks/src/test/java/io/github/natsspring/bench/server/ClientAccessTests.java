package io.github.natsspring.bench.server;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAccessTests {

	@Test
	void tlsClientsConnectWithTheTlsScheme() {
		assertThat(ClientAccess.tlsTrusting(Path.of("cert.pem")).scheme()).isEqualTo("tls");
	}

	@Test
	void usersConnectInPlaintext() {
		ClientAccess user = ClientAccess.asUser("bench", "bench");

		assertThat(user.tls()).isFalse();
		assertThat(user.scheme()).isEqualTo("nats");
	}

}
