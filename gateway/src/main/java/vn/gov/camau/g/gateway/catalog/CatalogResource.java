package vn.gov.camau.g.gateway.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.gov.camau.g.gateway.http.ConditionalRequests;
import vn.gov.camau.g.gateway.preferences.PreferencesService;
import vn.gov.camau.g.gateway.problem.FieldViolation;
import vn.gov.camau.g.gateway.problem.Language;
import vn.gov.camau.g.gateway.problem.Localized;
import vn.gov.camau.g.gateway.problem.ProblemException;
import vn.gov.camau.g.gateway.problem.ProblemType;

/** The systems the caller may open, for the phone's app grid. Open to everyone; a token shows more. */
@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    /** What the answer depends on besides the URL, for caches between the phone and here. */
    private static final String VARY = "Accept-Language, Authorization";

    private static final Localized BAD_SINCE = new Localized(
            "since phải là số phiên bản danh mục đã nhận (số nguyên không âm, không lớn hơn phiên bản hiện tại).",
            "since must be a catalog version you received (a whole number from 0 to the current version).");

    private final ViewerResolver viewers;
    private final CatalogService catalog;
    private final PreferencesService preferences;
    private final ObjectMapper json;

    CatalogResource(ViewerResolver viewers, CatalogService catalog, PreferencesService preferences, ObjectMapper json) {
        this.viewers = viewers;
        this.catalog = catalog;
        this.preferences = preferences;
        this.json = json;
    }

    @GET
    public Uni<Response> list(
            @QueryParam("since") String since,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        Long sinceVersion = since == null ? null : parseSince(since);
        return viewers.viewer().chain(viewer -> {
            if (sinceVersion != null) {
                return Uni.createFrom().item(render(catalog.delta(viewer, language, sinceVersion), ifNoneMatch));
            }
            return favouritesOf(viewer)
                    .map(favourites -> render(catalog.listing(viewer, language, favourites), ifNoneMatch));
        });
    }

    private Uni<List<String>> favouritesOf(Viewer viewer) {
        if (!viewer.signedIn()) {
            return Uni.createFrom().item(List.of());
        }
        return preferences
                .read(viewer.subject())
                .map(stored -> stored.document().favouriteAppIds());
    }

    private Response render(Object view, String ifNoneMatch) {
        String body;
        try {
            body = json.writeValueAsString(view);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return ConditionalRequests.okOrNotModified(body, ConditionalRequests.weakETagOf(body), ifNoneMatch, VARY);
    }

    private long parseSince(String since) {
        try {
            long version = Long.parseLong(since);
            if (version >= 0 && version <= catalog.version()) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, like any other bad value
        }
        throw new ProblemException(
                ProblemType.VALIDATION_FAILED,
                ProblemType.VALIDATION_FAILED.defaultDetail(),
                List.of(new FieldViolation("since", BAD_SINCE)));
    }
}
