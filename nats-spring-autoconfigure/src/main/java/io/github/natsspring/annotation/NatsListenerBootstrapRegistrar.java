package io.github.natsspring.annotation;

import io.github.natsspring.listener.NatsListenerEndpointRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the listener infrastructure {@link EnableNats @EnableNats} asks for: the
 * {@link NatsListenerAnnotationBeanPostProcessor} under
 * {@value NatsListenerAnnotationBeanPostProcessor#BEAN_NAME}, and a {@link NatsListenerEndpointRegistry}
 * under {@value NatsListenerAnnotationBeanPostProcessor#ENDPOINT_REGISTRY_BEAN_NAME} when no registry is
 * defined yet.
 */
class NatsListenerBootstrapRegistrar implements ImportBeanDefinitionRegistrar {

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (!registry.containsBeanDefinition(NatsListenerAnnotationBeanPostProcessor.BEAN_NAME)) {
			registry.registerBeanDefinition(NatsListenerAnnotationBeanPostProcessor.BEAN_NAME,
					infrastructure(NatsListenerAnnotationBeanPostProcessor.class));
		}
		if (!definesRegistry(registry)) {
			registry.registerBeanDefinition(NatsListenerAnnotationBeanPostProcessor.ENDPOINT_REGISTRY_BEAN_NAME,
					infrastructure(NatsListenerEndpointRegistry.class));
		}
	}

	private static boolean definesRegistry(BeanDefinitionRegistry registry) {
		if (registry.containsBeanDefinition(NatsListenerAnnotationBeanPostProcessor.ENDPOINT_REGISTRY_BEAN_NAME)) {
			return true;
		}
		return registry instanceof ListableBeanFactory beanFactory
				&& beanFactory.getBeanNamesForType(NatsListenerEndpointRegistry.class, true, false).length > 0;
	}

	private static RootBeanDefinition infrastructure(Class<?> type) {
		RootBeanDefinition definition = new RootBeanDefinition(type);
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		return definition;
	}
}
