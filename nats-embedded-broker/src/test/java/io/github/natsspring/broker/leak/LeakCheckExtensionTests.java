package io.github.natsspring.broker.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The check end to end: a test class that leaks, run in a JUnit launcher of its own, fails, and the failure
 * carries Netty's record of the leak.
 */
class LeakCheckExtensionTests {

	private static final String OWN_LAUNCHER = "natsspring.leak-check.own-launcher";

	@Test
	void aTestClassThatLeaksABufferFailsWithTheLeakRecord() {
		List<String> passed = new ArrayList<>();
		List<Throwable> classFailures = new ArrayList<>();
		run(LeakingTests.class, new TestExecutionListener() {

			@Override
			public void executionFinished(TestIdentifier test, TestExecutionResult result) {
				if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
					passed.add(test.getDisplayName());
				}
				if (test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
					result.getThrowable().ifPresent(classFailures::add);
				}
			}
		});
		assertThat(passed).containsExactly("dropsABufferWithoutReleasingIt()");
		assertThat(classFailures).singleElement()
			.isInstanceOf(LeakFailure.class)
			.extracting(Throwable::getMessage)
			.asString()
			.contains("Netty found 1 leak after " + LeakingTests.class.getName(), "LEAK: ByteBuf.release()",
					LeakingTests.MARKER, "allocated while " + LeakingTests.class.getName() + " was running",
					LeakingTests.class.getName() + ".dropsABufferWithoutReleasingIt");
	}

	private static void run(Class<?> testClass, TestExecutionListener listener) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(testClass))
			.configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
			.configurationParameter(OWN_LAUNCHER, "true")
			.build();
		LauncherFactory.create().execute(request, listener);
	}

	/** Leaks one buffer on purpose; disabled unless run by the test above. */
	static class LeakingTests {

		static final String MARKER = "deliberate leak " + UUID.randomUUID();

		@RegisterExtension
		static final ExecutionCondition onlyInItsOwnLauncher = (context) -> context
			.getConfigurationParameter(OWN_LAUNCHER)
			.map((set) -> ConditionEvaluationResult.enabled("run by LeakCheckExtensionTests"))
			.orElse(ConditionEvaluationResult.disabled("leaks on purpose, so only LeakCheckExtensionTests runs it"));

		@Test
		void dropsABufferWithoutReleasingIt() {
			ByteBufAllocator.DEFAULT.buffer(16).touch(MARKER).writeInt(42);
		}
	}
}
