package io.github.natsspring.broker.leak;

import java.util.List;
import java.util.function.Predicate;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.util.ResourceLeakDetectorFactory;

/**
 * Leak detection for the whole test JVM: one recording factory, installed before Netty creates its
 * detectors, and the reports its detectors make.
 */
final class LeakDetection {

	private static final LeakReports REPORTS = new LeakReports();

	private static RecordingLeakDetectorFactory factory;

	private LeakDetection() {
	}

	/**
	 * Installs the recording factory, once. Netty asks the factory for the buffer detector when
	 * {@link AbstractByteBuf} initialises and keeps it in a static final field, so this initialises that
	 * class at once and fails if it had already been initialised with another detector.
	 */
	static synchronized void install() {
		if (factory != null) {
			return;
		}
		RecordingLeakDetectorFactory recording = new RecordingLeakDetectorFactory(REPORTS);
		ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(recording);
		initialise(AbstractByteBuf.class);
		if (!recording.hasDetectorFor(ByteBuf.class)) {
			throw new IllegalStateException("Netty's buffer classes were initialised before leak detection was "
					+ "installed, so buffer leaks would only be logged; install it from a LauncherSessionListener");
		}
		factory = recording;
	}

	static synchronized void requireInstalled() {
		if (factory == null) {
			throw new IllegalStateException("Leak detection is not installed: " + LeakDetectionSession.class.getName()
					+ " must be registered in META-INF/services/org.junit.platform.launcher.LauncherSessionListener");
		}
	}

	/** Collects garbage, lets every detector report what was collected unreleased, and takes all reports. */
	static List<LeakReport> collect() throws InterruptedException {
		return collect((report) -> true);
	}

	/** Same as {@link #collect()}, but takes only the reports that match and leaves the others. */
	static List<LeakReport> collect(Predicate<LeakReport> which) throws InterruptedException {
		RecordingLeakDetectorFactory installed;
		synchronized (LeakDetection.class) {
			requireInstalled();
			installed = factory;
		}
		FullGarbageCollection.run();
		installed.pollAll();
		return REPORTS.take(which);
	}

	private static void initialise(Class<?> type) {
		try {
			Class.forName(type.getName(), true, type.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
