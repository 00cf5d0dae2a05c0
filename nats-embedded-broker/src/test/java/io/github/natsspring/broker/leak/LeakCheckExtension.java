package io.github.natsspring.broker.leak;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Fails a test class when Netty finds a leak by the time the class has finished, and the run when it finds
 * one after the last class. Registered for every test class through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and
 * {@code junit.jupiter.extensions.autodetection.enabled=true}; {@link LeakDetectionSession} must have
 * installed the detection.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(LeakCheckExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		LeakDetection.requireInstalled();
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(EndOfRunCheck.class);
		CurrentTestClass.set(context.getRequiredTestClass());
	}

	@Override
	public void afterAll(ExtensionContext context) throws InterruptedException {
		CurrentTestClass.set(context.getParent().flatMap(ExtensionContext::getTestClass).orElse(null));
		List<LeakReport> leaks = LeakDetection.collect();
		if (!leaks.isEmpty()) {
			throw new LeakFailure("after " + context.getRequiredTestClass().getName(), leaks);
		}
	}

	/** Closed with the root store, when the engine has run every class. */
	static final class EndOfRunCheck implements AutoCloseable {

		@Override
		public void close() throws InterruptedException {
			List<LeakReport> leaks = LeakDetection.collect();
			if (!leaks.isEmpty()) {
				throw new LeakFailure("after the last test class", leaks);
			}
		}
	}
}
