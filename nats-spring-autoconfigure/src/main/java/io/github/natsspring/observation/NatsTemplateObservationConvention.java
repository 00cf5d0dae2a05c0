package io.github.natsspring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@link NatsTemplateObservation#TEMPLATE_OBSERVATION template observation}. Implement it, or
 * extend {@link DefaultNatsTemplateObservationConvention}, to replace the defaults.
 */
public interface NatsTemplateObservationConvention extends ObservationConvention<NatsSenderContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NatsSenderContext;
	}
}
