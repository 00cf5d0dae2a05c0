package io.github.natsspring.observation;

import io.micrometer.common.KeyValues;

/**
 * The default {@link NatsListenerReplyObservationConvention}: observation {@code nats.listener.reply}. A reply to
 * a reply-to inbox is named {@code reply} and tagged with destination {@code (temporary)}: inboxes are unique per
 * requester, so their names never become tags. A result sent to a {@code @SendTo} subject is named
 * {@code publish <subject>} and tagged with that subject.
 */
public class DefaultNatsListenerReplyObservationConvention implements NatsListenerReplyObservationConvention {

	/** A shared instance. */
	public static final DefaultNatsListenerReplyObservationConvention INSTANCE =
			new DefaultNatsListenerReplyObservationConvention();

	/** The destination tag of replies to reply-to inboxes. */
	public static final String TEMPORARY_DESTINATION = "(temporary)";

	@Override
	public String getName() {
		return "nats.listener.reply";
	}

	@Override
	public String getContextualName(NatsSenderContext context) {
		NatsSendOperation operation = context.getOperation();
		return isTemporary(context) ? operation.operationName()
				: operation.operationName() + " " + context.getSubject();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(NatsSenderContext context) {
		boolean temporary = isTemporary(context);
		return KeyValues.of(
				NatsObservationKeyNames.MESSAGING_SYSTEM.withValue(DefaultNatsTemplateObservationConvention.SYSTEM),
				NatsObservationKeyNames.MESSAGING_OPERATION_NAME.withValue(context.getOperation().operationName()),
				NatsObservationKeyNames.MESSAGING_OPERATION_TYPE
					.withValue(DefaultNatsTemplateObservationConvention.SEND),
				NatsObservationKeyNames.MESSAGING_DESTINATION_NAME
					.withValue(temporary ? TEMPORARY_DESTINATION : context.getSubject()),
				NatsObservationKeyNames.MESSAGING_DESTINATION_TEMPORARY.withValue(Boolean.toString(temporary)));
	}

	private static boolean isTemporary(NatsSenderContext context) {
		return context.getOperation() == NatsSendOperation.REPLY;
	}
}
