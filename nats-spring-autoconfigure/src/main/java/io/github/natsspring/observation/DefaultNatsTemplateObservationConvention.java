package io.github.natsspring.observation;

import io.micrometer.common.KeyValues;

/**
 * The default {@link NatsTemplateObservationConvention}: observation {@code nats.template}, spans named
 * {@code <operation> <subject>}, tagged with the messaging system, operation and the subject sent to.
 */
public class DefaultNatsTemplateObservationConvention implements NatsTemplateObservationConvention {

	/** A shared instance. */
	public static final DefaultNatsTemplateObservationConvention INSTANCE =
			new DefaultNatsTemplateObservationConvention();

	static final String SYSTEM = "nats";

	static final String SEND = "send";

	@Override
	public String getName() {
		return "nats.template";
	}

	@Override
	public String getContextualName(NatsSenderContext context) {
		return context.getOperation().operationName() + " " + context.getSubject();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(NatsSenderContext context) {
		return KeyValues.of(NatsObservationKeyNames.MESSAGING_SYSTEM.withValue(SYSTEM),
				NatsObservationKeyNames.MESSAGING_OPERATION_NAME.withValue(context.getOperation().operationName()),
				NatsObservationKeyNames.MESSAGING_OPERATION_TYPE.withValue(SEND),
				NatsObservationKeyNames.MESSAGING_DESTINATION_NAME.withValue(context.getSubject()));
	}
}
