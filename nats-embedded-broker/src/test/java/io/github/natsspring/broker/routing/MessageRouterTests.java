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

	@Test
	void aRouteGetsAMessageOnceHoweverManyOfItsSubscriptionsMatch() {
		RecordingSubscriber route = new RecordingSubscriber(SubscriberKind.ROUTE);
		subscribe(route, "orders.*", null);
		subscribe(route, "orders.>", null);
		subscribe(route, "orders.created", "audit");

		int delivered = this.router.route(new TestOrigin(SubscriberKind.CLIENT), message("orders.created", null));

		assertThat(delivered).isEqualTo(1);
		assertThat(route.forwardedQueues).containsExactly(List.of("audit"));
	}

	@Test
	void aRoutePickedForSeveralQueueGroupsNamesThemAllInOneMessage() {
		RecordingSubscriber route = new RecordingSubscriber(SubscriberKind.ROUTE);
		subscribe(route, "jobs", "first");
		subscribe(route, "jobs", "second");

		this.router.route(new TestOrigin(SubscriberKind.CLIENT), message("jobs", null));

		assertThat(route.forwardedQueues).hasSize(1);
		assertThat(route.forwardedQueues.get(0)).containsExactlyInAnyOrder("first", "second");
	}

	@Test
	void aMessageFromARouteReachesOnlyTheQueueGroupsItNames() {
		RecordingSubscriber named = new RecordingSubscriber(SubscriberKind.CLIENT);
		subscribe(named, "jobs", "picked");
		RecordingSubscriber other = new RecordingSubscriber(SubscriberKind.CLIENT);
		subscribe(other, "jobs", "elsewhere");

		this.router.route(new TestOrigin(SubscriberKind.ROUTE).admitting("picked"), message("jobs", null));

		assertThat(named.subjects).hasSize(1);
		assertThat(other.subjects).isEmpty();
	}

	@Test
	void aRoutesQueueInterestCountsAsManyMembersAsItsWeight() {
		RecordingSubscriber route = new RecordingSubscriber(SubscriberKind.ROUTE);
		subscribe(route, "jobs", "workers").setWeight(1000);
		RecordingSubscriber local = new RecordingSubscriber(SubscriberKind.CLIENT);
		subscribe(local, "jobs", "workers");

		for (int i = 0; i < 200; i++) {
			this.router.route(new TestOrigin(SubscriberKind.CLIENT), message("jobs", null));
		}

		assertThat(route.subjects.size() + local.subjects.size()).isEqualTo(200);
		assertThat(route.subjects).hasSizeGreaterThan(180);
	}

	@Test
	void interestListenersHearOfEverySubscriptionChange() {
		List<String> heard = new ArrayList<>();
		this.router.addInterestListener(new InterestListener() {
			@Override
			public void added(Subscription subscription) {
				heard.add("+" + subscription.subject());
			}

			@Override
			public void removed(Subscription subscription) {
				heard.add("-" + subscription.subject());
			}
		});
		Subscription local = subscribe(new RecordingSubscriber(SubscriberKind.CLIENT), "local", null);
		Subscription remote = subscribe(new RecordingSubscriber(SubscriberKind.ROUTE), "remote", null);

		this.router.unsubscribe(remote);
		this.router.unsubscribeAll(List.of(local));

		assertThat(heard).containsExactly("+local", "+remote", "-remote", "-local");
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

		private final List<List<String>> forwardedQueues = new ArrayList<>();

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
			List<String> names = new ArrayList<>();
			for (int q = 0; q < queueCount; q++) {
				names.add(new String(queues[q], StandardCharsets.ISO_8859_1));
			}
			this.forwardedQueues.add(names);
		}
	}

	/** An origin of a given kind that is also a subscriber, recording no-responders answers. */
	private static final class TestOrigin implements MessageOrigin {

		private final SubscriberKind kind;

		private final RecordingSubscriber self;

		private final List<Subscription> noRespondersOn = new ArrayList<>();

		private boolean echo = true;

		private boolean noResponders;

		private String admittedQueue;

		TestOrigin(SubscriberKind kind) {
			this.kind = kind;
			this.self = new RecordingSubscriber(kind);
		}

		TestOrigin withoutEcho() {
			this.echo = false;
			return this;
		}

		TestOrigin admitting(String queue) {
			this.admittedQueue = queue;
			return this;
		}

		@Override
		public boolean admitsQueueGroup(String queue) {
			return queue.equals(this.admittedQueue);
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
