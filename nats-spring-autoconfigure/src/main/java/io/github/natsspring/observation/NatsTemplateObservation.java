package io.github.natsspring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the sending side: what a {@link io.github.natsspring.core.NatsTemplate} publishes and
 * requests.
 */
public enum NatsTemplateObservation implements ObservationDocumentation {

	/**
	 * One publish, or one request from sending it until its reply arrives or it fails. Named {@code nats.template};
	 * spans are named {@code publish <subject>} and {@code request <subject>}.
	 */
	TEMPLATE_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNatsTemplateObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { NatsObservationKeyNames.MESSAGING_SYSTEM,
					NatsObservationKeyNames.MESSAGING_OPERATION_NAME, NatsObservationKeyNames.MESSAGING_OPERATION_TYPE,
					NatsObservationKeyNames.MESSAGING_DESTINATION_NAME };
		}
	}
}
