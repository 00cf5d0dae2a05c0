package io.github.natsspring.autoconfigure.jetstream;

import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The JetStream scenarios against nats-server -js.
 */
@SpringBootTest(classes = JetStreamScenarioApplication.class, properties = "nats.jetstream.listener.batch-size=1")
class JetStreamRemoteScenarioTests extends JetStreamScenarioTests {

	private static JetStreamServer server;

	@DynamicPropertySource
	static void natsServers(DynamicPropertyRegistry registry) {
		registry.add("nats.servers", () -> {
			if (server == null) {
				server = JetStreamServer.start();
			}
			return server.getUrl();
		});
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}
}
