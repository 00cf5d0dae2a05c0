package io.github.natsspring.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link NatsListenerObservationConvention}: observation {@code nats.listener}, spans named
 * {@code process <subscribed subject>}, tagged with the messaging system, operation, subscribed subject, queue
 * group and listener id.
 */
public class DefaultNatsListenerObservationConvention implements NatsListenerObservationConvention {

	/** A shared instance. */
	public static final DefaultNatsListenerObservationConvention INSTANCE =
			new DefaultNatsListenerObservationConvention();

	private static final String PROCESS = "process";

	@Override
	public String getName() {
		return "nats.listener";
	}

	@Override
	public String getContextualName(NatsReceiverContext context) {
		return PROCESS + " " + context.getSubscribedSubject();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(NatsReceiverContext context) {
		String queue = context.getQueue();
		return KeyValues.of(
				NatsObservationKeyNames.MESSAGING_SYSTEM.withValue(DefaultNatsTemplateObservationConvention.SYSTEM),
				NatsObservationKeyNames.MESSAGING_OPERATION_NAME.withValue(PROCESS),
				NatsObservationKeyNames.MESSAGING_OPERATION_TYPE.withValue(PROCESS),
				NatsObservationKeyNames.MESSAGING_DESTINATION_NAME.withValue(context.getSubscribedSubject()),
				NatsObservationKeyNames.MESSAGING_CONSUMER_GROUP_NAME
					.withValue((queue != null) ? queue : KeyValue.NONE_VALUE),
				NatsObservationKeyNames.LISTENER_ID.withValue(context.getListenerId()));
	}
}
