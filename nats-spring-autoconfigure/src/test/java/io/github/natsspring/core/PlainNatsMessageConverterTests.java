package io.github.natsspring.core;

import java.nio.charset.StandardCharsets;

import io.nats.client.impl.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlainNatsMessageConverterTests {

	private final PlainNatsMessageConverter converter = new PlainNatsMessageConverter();

	@Test
	void writesStringsAsUtf8() {
		assertThat(this.converter.toPayload("grüß", new Headers())).isEqualTo("grüß".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsUtf8AsString() {
		assertThat(this.converter.fromPayload("grüß".getBytes(StandardCharsets.UTF_8), null, String.class))
			.isEqualTo("grüß");
	}

	@Test
	void passesBytesThroughBothWays() {
		byte[] bytes = { 0, 1, 2 };
		assertThat(this.converter.toPayload(bytes, new Headers())).isSameAs(bytes);
		assertThat(this.converter.fromPayload(bytes, null, byte[].class)).isSameAs(bytes);
	}

	@Test
	void rejectsOtherTypesNamingThem() {
		assertThatExceptionOfType(NatsConversionException.class)
			.isThrownBy(() -> this.converter.fromPayload(new byte[0], null, Integer.class))
			.withMessageContaining("java.lang.Integer");
		assertThatExceptionOfType(NatsConversionException.class)
			.isThrownBy(() -> this.converter.toPayload(42, new Headers()))
			.withMessageContaining("java.lang.Integer");
	}
}
