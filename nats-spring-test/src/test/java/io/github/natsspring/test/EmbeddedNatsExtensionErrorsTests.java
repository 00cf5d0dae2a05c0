package io.github.natsspring.test;

import java.util.List;

import io.nats.client.Connection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What a test is told when it asks the extension for something it cannot have. Each case is a small test class
 * run through the JUnit engine; the failure it ends with is asserted. The cases are disabled so that no test run
 * selecting them by name fails on them; the engine run here turns the conditions off.
 */
class EmbeddedNatsExtensionErrorsTests {

	static final String DEACTIVATE_CONDITIONS = "junit.jupiter.conditions.deactivate";

	static final String CASE_ONLY = "a case run by EngineTestKit from the enclosing test class";

	@Test
	void aUrlParameterOfAnotherTypeFailsNamingTheParameterAndWhatItTakes() {
		assertThat(failureOf(UrlOnAnInt.class)).isInstanceOf(ParameterResolutionException.class)
			.hasMessageStartingWith("@EmbeddedNatsUrl goes on a String or a java.net.URI, but parameter 'port' of ")
			.hasMessageContaining("UrlOnAnInt.test(int)")
			.hasMessageEndingWith(" is of type int");
	}

	@Test
	void aUrlFieldOfAnotherTypeFailsNamingTheField() {
		assertThat(failureOf(UrlOnALongField.class)).isInstanceOf(ExtensionConfigurationException.class)
			.hasMessage("@EmbeddedNatsUrl goes on a String or a java.net.URI, but field 'port' of "
					+ UrlOnALongField.class.getName() + " is of type long");
	}

	@Test
	void aConnectionParameterWhileTheBrokerIsStoppedFailsSayingSo() {
		assertThat(failureOf(ConnectionWhileStopped.class)).isInstanceOf(ParameterResolutionException.class)
			.hasMessageStartingWith("Cannot connect parameter 'connection' of ")
			.hasMessageEndingWith(": the embedded NATS broker is stopped");
	}

	@Test
	void attributesThatDoNotGoTogetherFailTheClassNamingTheProblem() {
		assertThat(failureOf(PasswordWithoutUser.class)).isInstanceOf(ExtensionConfigurationException.class)
			.hasMessage("@EmbeddedNats(password = ...) needs a username on " + PasswordWithoutUser.class.getName());
	}

	@Test
	void anExtensionRegisteredPerInstanceFailsSayingHowToRegisterIt() {
		assertThat(failureOf(RegisteredPerInstance.class)).isInstanceOf(ParameterResolutionException.class)
			.hasMessageStartingWith("No embedded NATS broker for ")
			.hasMessageEndingWith("EmbeddedNatsExtension starts it before all tests of a class, so annotate the"
					+ " class with @EmbeddedNats (or register the extension with @ExtendWith or a static"
					+ " @RegisterExtension field)");
	}

	@Test
	void aClusterParameterWithoutClusterSizeFailsSayingWhatToSet() {
		assertThat(failureOf(ClusterWithoutSize.class)).isInstanceOf(ParameterResolutionException.class)
			.hasMessageStartingWith("No embedded NATS cluster for ")
			.hasMessageEndingWith(": an EmbeddedNatsCluster is injected when @EmbeddedNats(clusterSize = ...) asks"
					+ " for at least 2 nodes");
	}

	@Test
	void aClusterSizeBelowOneFailsTheClassNamingIt() {
		assertThat(failureOf(ClusterOfNone.class)).isInstanceOf(ExtensionConfigurationException.class)
			.hasMessage("@EmbeddedNats(clusterSize = 0) must be at least 1 on " + ClusterOfNone.class.getName());
	}

	private static Throwable failureOf(Class<?> testClass) {
		List<Event> failed = EngineTestKit.engine("junit-jupiter")
			.configurationParameter(DEACTIVATE_CONDITIONS, "*")
			.selectors(selectClass(testClass))
			.execute()
			.allEvents()
			.failed()
			.list();
		assertThat(failed).as("failures of " + testClass.getSimpleName()).hasSize(1);
		return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
	}

	@Disabled(CASE_ONLY)
	@EmbeddedNats
	static class UrlOnAnInt {

		@Test
		void test(@EmbeddedNatsUrl int port) {
		}
	}

	@Disabled(CASE_ONLY)
	@EmbeddedNats
	static class UrlOnALongField {

		@EmbeddedNatsUrl
		long port;

		@Test
		void test() {
		}
	}

	@Disabled(CASE_ONLY)
	@EmbeddedNats
	static class ConnectionWhileStopped {

		@BeforeEach
		void stop(EmbeddedNatsServer server) {
			server.stop();
		}

		@Test
		void test(Connection connection) {
		}
	}

	@Disabled(CASE_ONLY)
	@EmbeddedNats(password = "secret")
	static class PasswordWithoutUser {

		@Test
		void test() {
		}
	}

	@Disabled(CASE_ONLY)
	@EmbeddedNats
	static class ClusterWithoutSize {

		@Test
		void test(EmbeddedNatsCluster cluster) {
		}
	}

	@Disabled(CASE_ONLY)
	@EmbeddedNats(clusterSize = 0)
	static class ClusterOfNone {

		@Test
		void test() {
		}
	}

	@Disabled(CASE_ONLY)
	static class RegisteredPerInstance {

		@RegisterExtension
		final EmbeddedNatsExtension nats = new EmbeddedNatsExtension();

		@Test
		void test(EmbeddedNatsServer server) {
		}
	}
}
