package org.parley.api;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link ProblemReportValve} in the place of Tomcat's HTML error report valve. Runs after Spring Boot's own
 * Tomcat customizer, which may have added an {@link ErrorReportValve} of its own.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final JsonMapper json;
    private final DataSize headerLimit;

    TomcatErrorReports(JsonMapper json,
            @Value("${server.max-http-request-header-size:8KB}") DataSize headerLimit) {
        this.json = json;
        this.headerLimit = headerLimit;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve(json, readable(headerLimit)));
            // Otherwise the host adds Tomcat's own valve when it starts, finding none of that class.
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** 8 KB, 16 KB, or bytes when the limit is not a whole number of kilobytes. */
    private static String readable(DataSize size) {
        return size.toBytes() % 1024 == 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
    }
}
