package io.github.natsspring.broker.leak;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakTracker;

/**
 * A Netty leak detector that records what it finds instead of logging it, and marks every allocation with
 * the test class that was running.
 */
final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

	private final Class<?> resourceType;

	private final LeakReports reports;

	RecordingLeakDetector(Class<?> resourceType, int samplingInterval, LeakReports reports) {
		super(resourceType, samplingInterval);
		this.resourceType = resourceType;
		this.reports = reports;
	}

	boolean detects(Class<?> type) {
		return this.resourceType == type;
	}

	/**
	 * Reports the tracked objects collected since the last poll. Netty looks at its reference queue only
	 * when it starts tracking a new object, so this tracks one and closes it at once.
	 */
	@SuppressWarnings("unchecked")
	void poll() {
		// Netty keeps only a weak reference and an identity hash of the probe; its type never matters.
		T probe = (T) new Object();
		ResourceLeakTracker<T> tracker = trackForcibly(probe);
		tracker.close(probe);
	}

	@Override
	protected boolean needReport() {
		// Netty reports only when its logger has ERROR on; recording must not depend on logging setup.
		return true;
	}

	@Override
	protected void reportTracedLeak(String resourceType, String records) {
		this.reports.add(new LeakReport(resourceType, records));
	}

	@Override
	protected void reportUntracedLeak(String resourceType) {
		this.reports.add(new LeakReport(resourceType, ""));
	}

	@Override
	protected Object getInitialHint(String resourceType) {
		return CurrentTestClass.hint();
	}
}
