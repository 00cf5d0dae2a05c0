package io.github.natsspring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@link NatsListenerObservation#REPLY_OBSERVATION observation of a listener's result}.
 * Implement it, or extend {@link DefaultNatsListenerReplyObservationConvention}, to replace the defaults.
 */
public interface NatsListenerReplyObservationConvention extends ObservationConvention<NatsSenderContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NatsSenderContext;
	}
}
