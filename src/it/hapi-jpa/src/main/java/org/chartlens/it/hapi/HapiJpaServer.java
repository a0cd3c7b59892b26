package org.chartlens.it.hapi;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.test.config.TestR4Config;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Starts HAPI FHIR's own R4 JPA server configuration ({@link TestR4Config}: H2 in memory, the
 * JPA DAOs, HAPI's resource providers, its system provider for transactions, its database-backed
 * paging) behind HAPI's {@link RestfulServer}, on Jetty, on 127.0.0.1 and an ephemeral port,
 * the way HAPI's own resource-provider tests do. Nothing of ChartLens is in this JVM.
 *
 * <p>Usage: {@code HapiJpaServer PORT_FILE}. When the server answers, "PORT\n" is written to
 * PORT_FILE (atomically). The server stops when its standard input closes (the test JVM
 * ended or closed it) or on SIGTERM.
 */
public final class HapiJpaServer {
    private HapiJpaServer() {
    }

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[0]);
        long t0 = System.nanoTime();
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(TestR4Config.class);
        FhirContext fhir = spring.getBean(FhirContext.class);

        RestfulServer rest = new RestfulServer(fhir);
        rest.registerProviders(bean(spring, ResourceProviderFactory.class, "myResourceProvidersR4", "resourceProvidersR4")
                .createProviders());
        rest.registerProvider(bean(spring, JpaSystemProvider.class, "mySystemProviderR4", "systemProviderR4"));
        rest.setPagingProvider(bean(spring, DatabaseBackedPagingProvider.class, "databaseBackedPagingProvider"));
        try {
            IFhirSystemDao<?, ?> systemDao = bean(spring, IFhirSystemDao.class, "mySystemDaoR4", "systemDaoR4");
            rest.setServerConformanceProvider(new JpaCapabilityStatementProvider(rest, systemDao,
                    bean(spring, JpaStorageSettings.class, "storageSettings"),
                    bean(spring, ISearchParamRegistry.class, "mySearchParamRegistry", "searchParamRegistry"),
                    bean(spring, IValidationSupport.class, "myJpaValidationSupportChain", "jpaValidationSupportChain")));
        } catch (BeansException e) {
            // RestfulServer's own CapabilityStatement (from the registered providers) then
            System.out.println("JpaCapabilityStatementProvider not wired: " + e.getMessage());
        }
        rest.setDefaultResponseEncoding(EncodingEnum.JSON);

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        handler.addServlet(new ServletHolder(rest), "/fhir/*");
        jetty.setHandler(handler);
        jetty.start();

        int port = connector.getLocalPort();
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, port + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("HAPI FHIR JPA server on http://127.0.0.1:%d/fhir, started in %d ms%n", port,
                (System.nanoTime() - t0) / 1_000_000);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(jetty, spring)));
        InputStream in = System.in;
        while (in.read() >= 0) {
            // wait until the parent closes our standard input
        }
        stop(jetty, spring);
        System.exit(0);
    }

    /** The bean of that type: unique or primary, else the first of the names HAPI gives it. */
    private static <T> T bean(AnnotationConfigApplicationContext spring, Class<T> type, String... names) {
        try {
            return spring.getBean(type);
        } catch (NoUniqueBeanDefinitionException e) {
            for (String n : names) {
                if (spring.containsBean(n)) {
                    return spring.getBean(n, type);
                }
            }
            throw e;
        }
    }

    private static void stop(Server jetty, AnnotationConfigApplicationContext spring) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
        spring.close();
    }
}
