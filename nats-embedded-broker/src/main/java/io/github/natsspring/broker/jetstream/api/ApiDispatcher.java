package io.github.natsspring.broker.jetstream.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.broker.jetstream.InternalClient;
import io.github.natsspring.broker.jetstream.InternalMessage;
import io.github.natsspring.broker.routing.Subscription;

/**
 * Serves {@code $JS.API.>}: takes each request off the publisher's event loop onto the API thread and hands it
 * to the handler registered for its kind. A request of no known kind goes unanswered, as nats-server leaves it.
 */
public final class ApiDispatcher implements ApiRouter {

	/** The subject every JetStream API request is sent under. */
	public static final String API_PREFIX = "$JS.API.";

	private final InternalClient client;

	private final Map<String, Registration> handlers = new ConcurrentHashMap<>();

	private final ApiCounters counters = new ApiCounters();

	private final ExecutorService executor;

	private volatile Subscription subscription;

	/**
	 * A dispatcher answering through a client.
	 * @param client the internal client the requests come through and the answers go out by
	 */
	public ApiDispatcher(InternalClient client) {
		this.client = client;
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "jetstream-api");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void register(String kind, String responseType, ApiHandler handler) {
		if (this.handlers.putIfAbsent(kind, new Registration(responseType, handler)) != null) {
			throw new IllegalStateException("A handler of " + kind + " is registered already");
		}
	}

	/**
	 * Starts taking requests.
	 */
	public void start() {
		this.subscription = this.client.subscribe(API_PREFIX + ">", this::received);
	}

	/**
	 * Stops taking requests and waits briefly for the one being handled.
	 */
	public void stop() {
		Subscription current = this.subscription;
		if (current != null) {
			this.client.unsubscribe(current);
		}
		this.executor.shutdown();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The request counts.
	 * @return the counters
	 */
	public ApiCounters counters() {
		return this.counters;
	}

	/**
	 * The API thread, where handlers run.
	 * @return the executor
	 */
	public ExecutorService executor() {
		return this.executor;
	}

	private void received(InternalMessage message) {
		if (!this.executor.isShutdown()) {
			this.executor.execute(() -> dispatch(message));
		}
	}

	private void dispatch(InternalMessage message) {
		List<String> tokens = Arrays.asList(message.subject().substring(API_PREFIX.length()).split("\\.", -1));
		for (int length = tokens.size(); length > 0; length--) {
			Registration registration = this.handlers.get(String.join(".", tokens.subList(0, length)));
			if (registration != null) {
				ApiRequest request = new ApiRequest(message, tokens.subList(length, tokens.size()),
						registration.responseType, this.client, this.counters);
				request.run(() -> registration.handler.handle(request));
				this.counters.request();
				return;
			}
		}
	}

	private record Registration(String responseType, ApiHandler handler) {
	}
}
