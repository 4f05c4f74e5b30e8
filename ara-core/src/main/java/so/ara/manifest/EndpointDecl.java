package so.ara.manifest;

/** An endpoint as declared on an agent method, before the reference's defaults and normalisation. */
public record EndpointDecl(String method, String path, String label, String auth, String headerName,
        String secretEnv, boolean docs) {

    public static EndpointDecl post(String auth) {
        return new EndpointDecl("POST", "", "", auth, "", "", false);
    }
}
