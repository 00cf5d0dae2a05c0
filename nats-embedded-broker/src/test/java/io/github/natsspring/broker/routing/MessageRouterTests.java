package io.github.natsspring.broker.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing rules, with delivery targets and origins of every kind: who may receive a message depends on the
 * kinds and the origin's echo, never on the target's class.
 */
class MessageRouterTests {

	private final MessageRouter router = new MessageRouter();

	@Test
	void everyPlainSubscriberOfAnyKindGetsTheMessage() {
		RecordingSubscriber client = subscriber(SubscriberKind.CLIENT, "orders.*");
		RecordingSubscriber internal = subscriber(SubscriberKind.INTERNAL, "orders.>");
		RecordingSubscriber route = subscriber(SubscriberKind.ROUTE, "orders.created");

		int delivered = this.router.route(new TestOrigin(SubscriberKind.CLIENT), message("orders.created", null));

		assertThat(delivered).isEqualTo(3);
		assertThat(client.subjects).containsExactly("orders.created");
		assertThat(internal.subjects).containsExactly("orders.created");
		assertThat(route.subjects).containsExactly("orders.created");
	}

	@Test
	void aMessageFromARouteIsNotSentOnToAnotherRoute() {
		RecordingSubscriber client = subscriber(SubscriberKind.CLIENT, "orders.created");
		RecordingSubscriber route = subscriber(SubscriberKind.ROUTE, "orders.created");

		int delivered = this.router.route(new TestOrigin(SubscriberKind.ROUTE), message("orders.created", null));

		assertThat(delivered).isEqualTo(1);
		assertThat(client.subjects).hasSize(1);
		assertThat(route.subjects).isEmpty();
	}

	@Test
	void anOriginWithoutEchoDoesNotReceiveItsOwnMessages() {
		TestOrigin origin = new TestOrigin(SubscriberKind.CLIENT).withoutEcho();
		subscribe(origin.self, "news", null);
		RecordingSubscriber other = subscriber(SubscriberKind.CLIENT, "news");

		this.router.route(origin, message("news", null));

		assertThat(origin.self.subjects).isEmpty();
		assertThat(other.subjects).hasSize(1);
	}

	@Test
	void anOriginWithEchoReceivesItsOwnMessages() {
		TestOrigin origin = new TestOrigin(SubscriberKind.CLIENT);
		subscribe(origin.self, "news", null);

		this.router.route(origin, message("news", null));

		assertThat(origin.self.subjects).hasSize(1);
	}

	@Test
	void aQueueGroupGetsEachMessageOnceAndAMemberThatRefusesIsSkipped() {
		RecordingSubscriber refusing = new RecordingSubscriber(SubscriberKind.CLIENT);
		refusing.refuse = true;
		subscribe(refusing, "work", "workers");
		RecordingSubscriber taking = new RecordingSubscriber(SubscriberKind.INTERNAL);
		subscribe(taking, "work", "workers");

		for (int i = 0; i < 20; i++) {
			assertThat(this.router.route(new TestOrigin(SubscriberKind.CLIENT), message("work", null))).isEqualTo(1);
		}

		assertThat(taking.subjects).hasSize(20);
	}

	@Test
	void aRequestNobodyReceivesIsAnsweredOnTheOriginsReplySubscription() {
		TestOrigin origin = new TestOrigin(SubscriberKind.CLIENT).wantingNoResponders();
		Subscription inbox = subscribe(origin.self, "_INBOX.r.*", null);

		int delivered = this.router.route(origin, message("service", "_INBOX.r.1"));

		assertThat(delivered).isZero();
		assertThat(origin.noRespondersOn).containsExactly(inbox);
	}

	@Test
	void aRequestSomebodyReceivesIsNotAnsweredWithNoResponders() {
		TestOrigin origin = new TestOrigin(SubscriberKind.CLIENT).wantingNoResponders();
		subscribe(origin.self, "_INBOX.r.*", null);
		subscriber(SubscriberKind.INTERNAL, "service");

		this.router.route(origin, message("service", "_INBOX.r.1"));

		assertThat(origin.noRespondersOn).isEmpty();
	}

	@Test
	void removingAllOfASubscribersSubscriptionsStopsItsDeliveries() {
		RecordingSubscriber leaving = new RecordingSubscriber(SubscriberKind.CLIENT);
		Subscription one = subscribe(leaving, "a", null);
		Subscription two = subscribe(leaving, "b", "q");
		RecordingSubscriber staying = subscriber(SubscriberKind.CLIENT, "a");

		this.router.unsubscribeAll(List.of(one, two));
		this.router.route(new TestOrigin(SubscriberKind.CLIENT), message("a", null));
		this.router.route(new TestOrigin(SubscriberKind.CLIENT), message("b", null));

		assertThat(this.router.subscriptionCount()).isEqualTo(1);
		assertThat(leaving.subjects).isEmpty();
		assertThat(staying.subjects).hasSize(1);
	}

	private RecordingSubscriber subscriber(SubscriberKind kind, String subject) {
		RecordingSubscriber subscriber = new RecordingSubscriber(kind);
		subscribe(subscriber, subject, null);
		return subscriber;
	}

	private Subscription subscribe(Subscriber subscriber, String subject, String queue) {
		Subscription subscription = new Subscription(subscriber, subject, queue, Integer.toString(subject.hashCode()));
		this.router.subscribe(subscription);
		return subscription;
	}

	private static PublishedMessage message(String subject, String replyTo) {
		PublishedMessage message = new PublishedMessage();
		message.fill(subject, replyTo, -1, 0, 0, Unpooled.wrappedBuffer("hi".getBytes(StandardCharsets.US_ASCII)));
		return message;
	}

	/** A delivery target that records the subjects it was given, or refuses them. */
	private static final class RecordingSubscriber implements RemoteTarget {

		private final SubscriberKind kind;

		private final List<String> subjects = new ArrayList<>();

		private boolean refuse;

		RecordingSubscriber(SubscriberKind kind) {
			this.kind = kind;
		}

		@Override
		public SubscriberKind kind() {
			return this.kind;
		}

		@Override
		public boolean deliver(Subscription subscription, PublishedMessage message) {
			if (this.refuse) {
				return false;
			}
			this.subjects.add(message.subject());
			return true;
		}

		@Override
		public void forward(PublishedMessage message, byte[][] queues, int queueCount) {
			this.subjects.add(message.subject());
		}
	}

	/** An origin of a given kind that is also a subscriber, recording no-responders answers. */
	private static final class TestOrigin implements MessageOrigin {

		private final SubscriberKind kind;

		private final RecordingSubscriber self;

		private final List<Subscription> noRespondersOn = new ArrayList<>();

		private boolean echo = true;

		private boolean noResponders;

		TestOrigin(SubscriberKind kind) {
			this.kind = kind;
			this.self = new RecordingSubscriber(kind);
		}

		TestOrigin withoutEcho() {
			this.echo = false;
			return this;
		}

		TestOrigin wantingNoResponders() {
			this.noResponders = true;
			return this;
		}

		@Override
		public SubscriberKind kind() {
			return this.kind;
		}

		@Override
		public Subscriber self() {
			return this.self;
		}

		@Override
		public boolean echo() {
			return this.echo;
		}

		@Override
		public boolean wantsNoResponders() {
			return this.noResponders;
		}

		@Override
		public void answerNoResponders(Subscription replySubscription, PublishedMessage request) {
			this.noRespondersOn.add(replySubscription);
		}
	}
}
