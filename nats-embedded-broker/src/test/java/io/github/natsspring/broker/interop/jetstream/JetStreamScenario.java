package io.github.natsspring.broker.interop.jetstream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.interop.InteropScenario;
import io.github.natsspring.broker.interop.NatsTarget;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Base of the JetStream interop scenarios: each test gets its own store directory, and its targets run with
 * JetStream on in it ({@code -js -sd DIR} for a process, {@link BrokerJetStream#inDirectory} in this JVM).
 */
abstract class JetStreamScenario extends InteropScenario {

	@TempDir
	Path storeDirectory;

	/** Options with JetStream on in this test's store directory, on a random loopback port. */
	protected NatsBrokerOptions jetStreamOptions() {
		return jetStreamOptions(storeDirectory);
	}

	/** Options with JetStream on in this store directory, on a random loopback port. */
	protected static NatsBrokerOptions jetStreamOptions(Path directory) {
		return NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.jetStream(BrokerJetStream.inDirectory(directory))
			.build();
	}

	/** Starts a target of this kind with JetStream on; closed when the test ends. */
	protected NatsTarget startJetStream(TargetKind kind) throws Exception {
		return start(kind, jetStreamOptions());
	}

	/** A file stream of this name on these subjects, default settings otherwise. */
	protected static StreamConfiguration.Builder fileStream(String name, String... subjects) {
		return StreamConfiguration.builder().name(name).subjects(subjects).storageType(StorageType.File);
	}

	/** Publishes payloads {@code prefix-1 … prefix-count} to the subject and waits for each PubAck. */
	protected static void publish(JetStream jetStream, String subject, String prefix, int count) throws Exception {
		for (int i = 1; i <= count; i++) {
			jetStream.publish(subject, utf8(prefix + "-" + i));
		}
	}

	/** The error a JetStream call failed with, asserting that it failed with one. */
	protected static JetStreamApiException apiError(ThrowingCallable call) {
		JetStreamApiException error = catchThrowableOfType(JetStreamApiException.class, call);
		assertThat(error).as("a JetStream API error").isNotNull();
		return error;
	}

	/** Asserts the error's status code, JetStream error code and description, as the client sees them. */
	protected static void assertApiError(JetStreamApiException error, int code, int errorCode, String description) {
		assertThat(error.getErrorCode()).as("code").isEqualTo(code);
		assertThat(error.getApiErrorCode()).as("err_code").isEqualTo(errorCode);
		assertThat(error.getErrorDescription()).as("description").isEqualTo(description);
	}

	/**
	 * A consumer's counters as jnats reports them: delivered consumer and stream sequence, ack floor consumer and
	 * stream sequence, num_pending, num_ack_pending, num_redelivered.
	 */
	protected static List<Long> counters(ConsumerInfo info) {
		return List.of(info.getDelivered().getConsumerSequence(), info.getDelivered().getStreamSequence(),
				info.getAckFloor().getConsumerSequence(), info.getAckFloor().getStreamSequence(), info.getNumPending(),
				info.getNumAckPending(), info.getRedelivered());
	}

	/** The stream sequences of these messages, from their ack subjects. */
	protected static List<Long> streamSequences(List<Message> messages) {
		return messages.stream().map((message) -> message.metaData().streamSequence()).toList();
	}

	/** The payloads of these messages as text. */
	protected static List<String> texts(List<Message> messages) {
		return messages.stream().map(JetStreamScenario::text).toList();
	}

	protected static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	protected static String text(Message message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}

	protected static String text(MessageInfo message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}
}
