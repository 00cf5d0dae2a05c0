package io.github.natsspring.bench.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.natsspring.bench.server.ServerProcess;

/**
 * Reads a server's {@code /varz} and {@code /connz} over loopback at a fixed delay on one thread of its own, as a
 * monitoring tool does, from when it is started until it is closed.
 */
final class MonitoringPoller implements AutoCloseable {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(REQUEST_TIMEOUT)
		.build();

	private final List<URI> endpoints;

	private final ScheduledExecutorService executor;

	private final AtomicLong polls = new AtomicLong();

	private final AtomicReference<String> failure = new AtomicReference<>();

	private MonitoringPoller(ServerProcess server, Duration interval) {
		String base = "http://127.0.0.1:" + server.monitoringPort();
		this.endpoints = List.of(URI.create(base + "/varz"), URI.create(base + "/connz"));
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "bench-monitoring-poller");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::pollOnce, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Starts polling a server started with HTTP monitoring.
	 * @param server the server
	 * @param interval the delay between the end of one round of requests and the start of the next
	 * @return the running poller
	 */
	static MonitoringPoller start(ServerProcess server, Duration interval) {
		return new MonitoringPoller(server, interval);
	}

	/** Rounds of requests completed so far, each reading every endpoint once. */
	long polls() {
		return this.polls.get();
	}

	private void pollOnce() {
		try {
			for (URI endpoint : this.endpoints) {
				HttpResponse<byte[]> response = this.client.send(
						HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200) {
					this.failure.compareAndSet(null, endpoint + " answered " + response.statusCode());
				}
			}
			this.polls.incrementAndGet();
		}
		catch (IOException ex) {
			this.failure.compareAndSet(null, "Cannot read " + this.endpoints + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops polling once the round under way has completed, and fails when any request failed or no round
	 * completed.
	 */
	@Override
	public void close() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The monitoring poller did not stop");
		}
		if (this.failure.get() != null) {
			throw new IllegalStateException(this.failure.get());
		}
		if (this.polls.get() == 0) {
			throw new IllegalStateException("The monitoring poller read nothing from " + this.endpoints);
		}
	}

}
