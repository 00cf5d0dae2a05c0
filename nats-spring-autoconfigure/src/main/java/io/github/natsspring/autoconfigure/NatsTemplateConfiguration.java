package io.github.natsspring.autoconfigure;

import io.github.natsspring.core.JsonNatsMessageConverter;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.core.NatsOperations;
import io.github.natsspring.core.NatsTemplate;
import io.github.natsspring.core.PlainNatsMessageConverter;
import io.nats.client.Connection;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link NatsMessageConverter} (JSON through the application's Jackson {@link JsonMapper} when Jackson is
 * on the classpath, otherwise the {@link PlainNatsMessageConverter} for {@code String} and {@code byte[]})
 * and the {@link NatsTemplate}.
 */
@Configuration(proxyBeanMethods = false)
class NatsTemplateConfiguration {

	@Bean
	@ConditionalOnMissingBean(NatsOperations.class)
	@ConditionalOnSingleCandidate(Connection.class)
	@ConditionalOnBean(NatsMessageConverter.class)
	NatsTemplate natsTemplate(Connection connection, NatsMessageConverter messageConverter,
			NatsProperties properties, ObjectProvider<NatsTemplateCustomizer> customizers) {
		NatsTemplate template = new NatsTemplate(connection, messageConverter);
		template.setDefaultRequestTimeout(properties.getTemplate().getRequestTimeout());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(template));
		return template;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class JsonMessageConverterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NatsMessageConverter natsMessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
			return new JsonNatsMessageConverter(jsonMapper.getIfUnique(JsonMapper::shared));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("tools.jackson.databind.json.JsonMapper")
	static class PlainMessageConverterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NatsMessageConverter natsMessageConverter() {
			return new PlainNatsMessageConverter();
		}
	}
}
