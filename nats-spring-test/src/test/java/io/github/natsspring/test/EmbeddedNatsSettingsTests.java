package io.github.natsspring.test;

import java.io.IOException;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the annotation's attributes make the broker require and say, seen by real clients.
 */
class EmbeddedNatsSettingsTests {

	@Nested
	@EmbeddedNats(token = "s3cret")
	class WithAToken {

		@Test
		void theInjectedConnectionPresentsTheToken(Connection connection) {
			assertThat(connection.getServerInfo().isAuthRequired()).isTrue();
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		}

		@Test
		void aClientWithoutTheTokenIsRefused(EmbeddedNatsServer server) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> connectWithoutCredentials(server))
				.withMessageContaining("Authorization Violation");
		}
	}

	@Nested
	@EmbeddedNats(username = "app", password = "pw")
	class WithAUser {

		@Test
		void theInjectedConnectionAuthenticatesAsTheUser(Connection connection) {
			assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
		}

		@Test
		void aClientWithoutThePasswordIsRefused(EmbeddedNatsServer server) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> connectWithoutCredentials(server))
				.withMessageContaining("Authorization Violation");
		}
	}

	@Nested
	@EmbeddedNats(serverName = "orders-test", maxPayload = 4096)
	class WithANameAndAPayloadLimit {

		@Test
		void infoGivesTheNameAndTheLimit(Connection connection) {
			assertThat(connection.getServerInfo().getServerName()).isEqualTo("orders-test");
			assertThat(connection.getMaxPayload()).isEqualTo(4096);
		}
	}

	@Nested
	@EmbeddedNats
	class ByDefault {

		@Test
		void noCredentialsAreNeededAndThePayloadLimitIsNatsServers(EmbeddedNatsServer server) throws Exception {
			try (Connection connection = connectWithoutCredentials(server)) {
				assertThat(connection.getServerInfo().isAuthRequired()).isFalse();
				assertThat(connection.getMaxPayload()).isEqualTo(1024 * 1024);
			}
		}

		@Nested
		class AndItsNestedClass {

			@Test
			void sharesTheEnclosingClassesBroker(EmbeddedNatsServer server, Connection connection) {
				assertThat(connection.getServerInfo().getServerId()).isEqualTo(server.getBroker().getServerId());
				assertThat(server.getSettings()).isEqualTo(EmbeddedNatsSettings.DEFAULTS);
			}
		}

		@Nested
		@EmbeddedNats(token = "inner")
		class AndANestedClassAskingForAnother {

			@Test
			void getsABrokerOfItsOwn(EmbeddedNatsServer server, Connection connection) {
				assertThat(server.getSettings().token()).isEqualTo("inner");
				assertThat(connection.getServerInfo().isAuthRequired()).isTrue();
			}
		}
	}

	private static Connection connectWithoutCredentials(EmbeddedNatsServer server)
			throws IOException, InterruptedException {
		return Nats.connect(new Options.Builder().server(server.getUrl()).maxReconnects(0).build());
	}
}
