package io.github.natsspring.broker.leak;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

/** Hands Netty {@link RecordingLeakDetector}s and keeps them, so that a check can poll every one. */
final class RecordingLeakDetectorFactory extends ResourceLeakDetectorFactory {

	private final List<RecordingLeakDetector<?>> detectors = new CopyOnWriteArrayList<>();

	private final LeakReports reports;

	RecordingLeakDetectorFactory(LeakReports reports) {
		this.reports = reports;
	}

	@Override
	public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
		RecordingLeakDetector<T> detector = new RecordingLeakDetector<>(resource, samplingInterval, this.reports);
		this.detectors.add(detector);
		return detector;
	}

	@Override
	@SuppressWarnings("deprecation")
	public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
			long maxActive) {
		return newResourceLeakDetector(resource, samplingInterval);
	}

	boolean hasDetectorFor(Class<?> resource) {
		return this.detectors.stream().anyMatch(detector -> detector.detects(resource));
	}

	void pollAll() {
		this.detectors.forEach(RecordingLeakDetector::poll);
	}
}
