package io.github.natsspring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the receiving side: a {@code @NatsListener} handling a message, and the result it sends.
 */
public enum NatsListenerObservation implements ObservationDocumentation {

	/**
	 * A listener handling one message, continuing the sender's trace. Named {@code nats.listener}; spans are named
	 * {@code process <subscribed subject>}.
	 */
	LISTENER_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNatsListenerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { NatsObservationKeyNames.MESSAGING_SYSTEM,
					NatsObservationKeyNames.MESSAGING_OPERATION_NAME, NatsObservationKeyNames.MESSAGING_OPERATION_TYPE,
					NatsObservationKeyNames.MESSAGING_DESTINATION_NAME,
					NatsObservationKeyNames.MESSAGING_CONSUMER_GROUP_NAME, NatsObservationKeyNames.LISTENER_ID };
		}
	},

	/**
	 * A listener's result being sent: to the reply-to inbox of a request ({@code reply}, span {@code reply}) or to
	 * the {@code @SendTo} subject ({@code publish}, span {@code publish <subject>}), inside the handling's trace, with
	 * the trace context in the result's headers. Named {@code nats.listener.reply}.
	 */
	REPLY_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNatsListenerReplyObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { NatsObservationKeyNames.MESSAGING_SYSTEM,
					NatsObservationKeyNames.MESSAGING_OPERATION_NAME, NatsObservationKeyNames.MESSAGING_OPERATION_TYPE,
					NatsObservationKeyNames.MESSAGING_DESTINATION_NAME,
					NatsObservationKeyNames.MESSAGING_DESTINATION_TEMPORARY };
		}
	}
}
