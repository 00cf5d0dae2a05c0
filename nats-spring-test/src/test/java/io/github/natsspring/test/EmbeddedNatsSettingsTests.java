package io.github.natsspring.test;

import java.io.IOException;
import java.nio.file.Path;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
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

	@Nested
	@EmbeddedNats(jetStream = true)
	class WithJetStream {

		@Test
		void streamsAreKeptInATemporaryStoreThatOutlivesARestart(EmbeddedNatsServer server, Connection connection)
				throws Exception {
			assertThat(connection.getServerInfo().isJetStreamAvailable()).isTrue();
			Path store = server.getBroker().getOptions().jetStream().storeDirectory();
			assertThat(store).isDirectory();
			assertThat(store.getFileName().toString()).startsWith("embedded-nats-js-");
			connection.jetStreamManagement()
				.addStream(StreamConfiguration.builder().name("KEPT").subjects("kept.>").storageType(StorageType.File)
					.build());
			assertThat(connection.jetStream().publish("kept.one", new byte[] { 1 }).getSeqno()).isEqualTo(1);
			server.restart();
			try (Connection again = server.connect()) {
				assertThat(again.jetStreamManagement().getStreamInfo("KEPT").getStreamState().getMsgCount())
					.isEqualTo(1);
				assertThat(server.getBroker().getOptions().jetStream().storeDirectory()).isEqualTo(store);
			}
		}
	}

	@Test
	void closingTheServerRemovesItsStore() {
		EmbeddedNatsServer server = new EmbeddedNatsServer(
				new EmbeddedNatsSettings(null, null, null, null, 1024, 1, true));
		server.start();
		Path store = server.getBroker().getOptions().jetStream().storeDirectory();
		assertThat(store).isDirectory();
		server.close();
		assertThat(store).doesNotExist();
	}

	@Test
	void jetStreamIsRefusedWithACluster() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new EmbeddedNatsSettings(null, null, null, null, 1024, 2, true))
			.withMessage("@EmbeddedNats(jetStream = true) runs on a single broker, not with clusterSize = 2");
	}

	private static Connection connectWithoutCredentials(EmbeddedNatsServer server)
			throws IOException, InterruptedException {
		return Nats.connect(new Options.Builder().server(server.getUrl()).maxReconnects(0).build());
	}
}
