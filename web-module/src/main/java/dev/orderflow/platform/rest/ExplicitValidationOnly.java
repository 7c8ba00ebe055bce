package dev.orderflow.platform.rest;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.jboss.resteasy.spi.HttpRequest;
import org.jboss.resteasy.spi.validation.GeneralValidator;

/**
 * Turns RESTEasy's automatic Bean Validation of resource method parameters and return values off. It built a validator
 * for every request and looked up the metadata of every parameter and return value (seen in profiles of the product
 * page), while no resource method declares a constraint: request bodies are validated explicitly by
 * {@link RequestValidator}, which reports every broken field in one problem+json.
 */
@Provider
public class ExplicitValidationOnly implements ContextResolver<GeneralValidator> {

    static final GeneralValidator NONE = new GeneralValidator() {

        @Override
        public void validate(HttpRequest request, Object object, Class<?>... groups) {
            // nothing is validated implicitly
        }

        @Override
        public void validateAllParameters(HttpRequest request, Object object, Method method, Object[] parameterValues,
                Class<?>... groups) {
            // nothing is validated implicitly
        }

        @Override
        public void validateReturnValue(HttpRequest request, Object object, Method method, Object returnValue,
                Class<?>... groups) {
            // nothing is validated implicitly
        }

        @Override
        public boolean isValidatable(Class<?> clazz) {
            return false;
        }

        @Override
        public boolean isMethodValidatable(Method method) {
            return false;
        }

        @Override
        public void checkViolations(HttpRequest request) {
            // none were collected
        }
    };

    @Override
    public GeneralValidator getContext(Class<?> type) {
        return NONE;
    }
}
