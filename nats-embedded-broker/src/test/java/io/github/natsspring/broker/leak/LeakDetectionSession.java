package io.github.natsspring.broker.leak;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs Netty leak detection when the JUnit launcher session opens, before any test class is loaded and
 * so before any Netty buffer class initialises. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; {@link LeakCheckExtension}
 * fails the test classes that leak.
 */
public final class LeakDetectionSession implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		LeakDetection.install();
	}
}
