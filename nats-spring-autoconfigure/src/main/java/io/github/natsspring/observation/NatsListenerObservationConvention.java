package io.github.natsspring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@link NatsListenerObservation#LISTENER_OBSERVATION listener observation}. Implement it, or
 * extend {@link DefaultNatsListenerObservationConvention}, to replace the defaults.
 */
public interface NatsListenerObservationConvention extends ObservationConvention<NatsReceiverContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NatsReceiverContext;
	}
}
