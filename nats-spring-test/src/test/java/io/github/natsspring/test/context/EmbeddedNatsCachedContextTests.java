package io.github.natsspring.test.context;

import java.util.concurrent.atomic.AtomicReference;

import io.github.natsspring.test.EmbeddedNats;
import io.github.natsspring.test.EmbeddedNatsServer;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A cached context outlives the test class that used it: its broker must be running for the next class, even
 * when the class stopped it. The class is run through the JUnit engine (conditions off: it is disabled for any other
 * run), then its broker is looked at.
 */
class EmbeddedNatsCachedContextTests {

	private static final AtomicReference<EmbeddedNatsServer> stoppedByTheClass = new AtomicReference<>();

	@Test
	void aBrokerStoppedByATestClassIsRunningAgainForTheNextClassSharingTheCachedContext() {
		EngineTestKit.engine("junit-jupiter")
			.configurationParameter("junit.jupiter.conditions.deactivate", "*")
			.selectors(selectClass(StopsTheBroker.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(1).failed(0));
		assertThat(stoppedByTheClass.get()).isNotNull();
		assertThat(stoppedByTheClass.get().isRunning()).isTrue();
	}

	@Disabled("run by EngineTestKit from the enclosing test class")
	@SpringBootTest(classes = GreetingApplication.class)
	@EmbeddedNats(serverName = "cached")
	static class StopsTheBroker {

		@Autowired
		private ApplicationContext context;

		@Test
		void stopsIt() {
			EmbeddedNatsServer server = this.context.getBean(EmbeddedNatsServer.class);
			server.stop();
			assertThat(server.isRunning()).isFalse();
			stoppedByTheClass.set(server);
		}
	}
}
