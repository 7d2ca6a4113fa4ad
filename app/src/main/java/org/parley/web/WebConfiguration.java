package org.parley.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Languages of the web UI: English (the default), Ukrainian and Russian. The choice is made with {@code ?lang=}
 * on any page and kept in a cookie; anything else asked for (another language, a broken cookie) falls back to
 * English rather than to a half-translated page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The UI languages, in the order the language switch shows them. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"),
            Locale.forLanguageTag("ru"));
    static final Locale DEFAULT_LANGUAGE = Locale.ENGLISH;
    static final String LANGUAGE_PARAMETER = "lang";
    static final String LANGUAGE_COOKIE = "parley-lang";

    /** The supported language a locale asks for, or null. */
    static Locale supported(Locale locale) {
        if (locale == null) {
            return null;
        }
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
    }

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE) {
            @Override
            protected Locale parseLocaleValue(String value) {
                try {
                    return supported(super.parseLocaleValue(value));
                } catch (RuntimeException e) {
                    return null;
                }
            }
        };
        resolver.setDefaultLocaleFunction(request -> DEFAULT_LANGUAGE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setRejectInvalidCookies(false);
        return resolver;
    }

    /**
     * Pages are HTML whatever their address ends with. Left to itself, Thymeleaf takes the content type from the
     * address's extension: the error page of {@code /exchanges/x/agreement.json} or {@code /persons/abc.json} went
     * out as {@code application/json}, which {@code nosniff} makes a browser download rather than show.
     */
    @Bean
    static BeanPostProcessor pagesAreHtml() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    if (resolver.getContentType() == null) {
                        resolver.setContentType("text/html;charset=UTF-8");
                    }
                    resolver.setForceContentType(true);
                }
                return bean;
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                Locale locale = supported(super.parseLocaleValue(value));
                if (locale == null) {
                    throw new IllegalArgumentException("not a language of the UI: " + value);
                }
                return locale;
            }
        };
        interceptor.setParamName(LANGUAGE_PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        interceptor.setHttpMethods("GET", "HEAD");
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**", "/actuator/**", "/webjars/**", "/css/**");
    }
}
