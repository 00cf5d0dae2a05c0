package io.github.natsspring.broker.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.Subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request-reply with jnats: the muxed inbox, per-request inboxes, and no-responders. */
class RequestReplyInteropTests extends InteropScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Duration NO_RESPONDERS_TIMEOUT = Duration.ofSeconds(10);

	/** Far below {@link #NO_RESPONDERS_TIMEOUT}: the 503 status ends the request, not the timeout. */
	private static final Duration IMMEDIATE = Duration.ofSeconds(3);

	@InteropTest
	void concurrentRequestsOnTheMuxedInboxEachGetTheirOwnReply(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		startUppercaseResponder(target);
		Connection requester = connect(target);

		List<CompletableFuture<Message>> replies = IntStream.range(0, 20)
			.mapToObj(i -> requester.request("upper", bytes("request " + i)))
			.toList();

		for (int i = 0; i < replies.size(); i++) {
			Message reply = replies.get(i).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(text(reply)).isEqualTo("REQUEST " + i);
		}
	}

	@InteropTest
	void replyArrivesOnAnExplicitInboxSubscription(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		startUppercaseResponder(target);
		Connection requester = connect(target);
		String inbox = requester.createInbox();
		Subscription replies = requester.subscribe(inbox);
		requester.flush(TIMEOUT);

		requester.publish("upper", inbox, bytes("old style"));

		Message reply = replies.nextMessage(TIMEOUT);
		assertThat(reply).isNotNull();
		assertThat(reply.getSubject()).isEqualTo(inbox);
		assertThat(text(reply)).isEqualTo("OLD STYLE");
	}

	@InteropTest
	void oldRequestStyleUsesAOneShotInboxPerRequest(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		startUppercaseResponder(target);
		Connection requester = connect(options(target).oldRequestStyle());

		Message first = requester.request("upper", bytes("one"), TIMEOUT);
		Message second = requester.request("upper", bytes("two"), TIMEOUT);

		assertThat(text(first)).isEqualTo("ONE");
		assertThat(text(second)).isEqualTo("TWO");
		assertThat(first.getSubject()).isNotEqualTo(second.getSubject());
	}

	@InteropTest
	void requestWithoutRespondersIsCancelledImmediately(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection requester = connect(target);
		long started = System.nanoTime();

		CompletableFuture<Message> reply = requester.requestWithTimeout("nobody.home", bytes("hello?"),
				NO_RESPONDERS_TIMEOUT);

		assertThatThrownBy(() -> reply.get(NO_RESPONDERS_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
			.isInstanceOf(CancellationException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IMMEDIATE);
	}

	@InteropTest
	void requestWithoutRespondersReportsStatus503WhenAsked(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection requester = connect(options(target).reportNoResponders());
		long started = System.nanoTime();

		CompletableFuture<Message> reply = requester.requestWithTimeout("nobody.home", bytes("hello?"),
				NO_RESPONDERS_TIMEOUT);

		assertThatThrownBy(() -> reply.get(NO_RESPONDERS_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
			.isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(JetStreamStatusException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(503));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IMMEDIATE);
	}

	@InteropTest
	void blockingRequestWithoutRespondersReturnsNoReplyImmediately(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		Connection requester = connect(target);
		long started = System.nanoTime();

		Message reply = requester.request("nobody.home", bytes("hello?"), NO_RESPONDERS_TIMEOUT);

		assertThat(reply).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IMMEDIATE);
	}

	private void startUppercaseResponder(NatsTarget target) throws Exception {
		Connection responder = connect(target);
		responder.createDispatcher(request -> responder.publish(request.getReplyTo(), bytes(text(request).toUpperCase())))
			.subscribe("upper");
		responder.flush(TIMEOUT);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Message message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}
}
