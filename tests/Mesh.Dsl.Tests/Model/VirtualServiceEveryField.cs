namespace Mesh.Dsl.Tests.Model;

/// <summary>Hand-written VirtualService YAML in canonical form, shared by the round-trip and builder tests.</summary>
internal static class VirtualServiceEveryField
{
    /// <summary>
    /// A VirtualService that sets every leaf field of the CRD at least once (one-of alternatives in
    /// different rules), in proto declaration order, the way the writer writes it.
    /// </summary>
    public const string Yaml = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: shop
        spec:
          hosts:
          - reviews.shop.svc.cluster.local
          - "*.reviews.example.com"
          gateways:
          - istio-system/public-gateway
          - mesh
          http:
          - name: reviews-v2
            match:
            - name: api
              uri:
                prefix: /api/
              scheme:
                exact: https
              method:
                regex: ^(GET|HEAD)$
              authority:
                exact: reviews.example.com
              headers:
                end-user:
                  exact: jason
                x-canary: {}
              port: 8080
              sourceLabels:
                app: frontend
                version: v1
              gateways:
              - mesh
              queryParams:
                debug:
                  exact: "true"
              ignoreUriCase: true
              withoutHeaders:
                x-internal:
                  prefix: "yes"
              sourceNamespace: web
              statPrefix: reviews-api
            - name: legacy-api
              uri:
                regex: ^/v[0-9]+/api$
              scheme:
                prefix: http
              method:
                exact: POST
              authority:
                prefix: reviews.
              headers:
                end-user:
                  prefix: test-
              queryParams:
                debug:
                  regex: ^(1|true)$
              withoutHeaders:
                x-internal:
                  exact: "1"
            - scheme:
                regex: ^https?$
              method:
                prefix: P
              authority:
                regex: .*\.example\.com
              headers:
                x-user-group:
                  regex: ^(beta|alpha)$
              queryParams:
                page:
                  prefix: "1"
              withoutHeaders:
                x-skip:
                  regex: .+
            route:
            - destination:
                host: reviews.shop.svc.cluster.local
                subset: v2
                port:
                  number: 9080
              weight: 75
              headers:
                request:
                  set:
                    x-route: v2
                  add:
                    x-trace: "on"
                  remove:
                  - x-debug
                response:
                  set:
                    cache-control: no-store
                  add:
                    x-served-by: reviews-v2
                  remove:
                  - server
            - destination:
                host: reviews.shop.svc.cluster.local
                subset: v1
              weight: 25
            rewrite:
              uri: /
              authority: reviews.internal
            timeout: 10s
            retries:
              attempts: 3
              perTryTimeout: 2s
              retryOn: gateway-error,connect-failure,refused-stream
              retryRemoteLocalities: true
              retryIgnorePreviousHosts: true
              backoff: 250ms
            fault:
              delay:
                fixedDelay: 5s
                percentage:
                  value: 0.1
              abort:
                httpStatus: 503
                percentage:
                  value: 1.5
            mirror:
              host: reviews-shadow.shop.svc.cluster.local
              subset: v3
              port:
                number: 9080
            mirrorPercent: 10
            mirror_percent: 10
            mirrorPercentage:
              value: 12.5
            corsPolicy:
              allowOrigin:
              - https://legacy.example.com
              allowOrigins:
              - exact: https://reviews.example.com
              - prefix: https://beta.
              - regex: https://.*\.example\.com
              allowMethods:
              - GET
              - POST
              allowHeaders:
              - x-custom
              exposeHeaders:
              - x-request-id
              maxAge: 24h
              allowCredentials: false
              unmatchedPreflights: IGNORE
            headers:
              request:
                set:
                  x-version: v2
                add:
                  x-forwarded-client: frontend
                remove:
                - cookie
              response:
                set:
                  x-frame-options: DENY
                add:
                  vary: Origin
                remove:
                - x-powered-by
          - name: moved
            match:
            - uri:
                exact: /old
            redirect:
              uri: /new
              authority: www.example.com
              port: 8443
              scheme: https
              redirectCode: 308
          - name: moved-prefix
            match:
            - uri:
                prefix: /v1/
            redirect:
              derivePort: FROM_REQUEST_PORT
              prefixRewrite: /v2/
          - name: maintenance
            match:
            - uri:
                prefix: /maintenance
            directResponse:
              status: 503
              body:
                string: down for maintenance
          - name: binary
            match:
            - uri:
                prefix: /binary
            directResponse:
              status: 200
              body:
                bytes: dW5rbm93biBlcnJvcg==
          - name: ratings
            match:
            - uri:
                prefix: /ratings
            delegate:
              name: ratings
              namespace: ratings
          - name: chaos
            match:
            - uri:
                prefix: /service/
            route:
            - destination:
                host: reviews.shop.svc.cluster.local
            rewrite:
              uriRegexRewrite:
                match: ^/service/([^/]+)(/.*)$
                rewrite: \2/instance/\1
            fault:
              delay:
                percent: 5
                exponentialDelay: 100ms
                percentage:
                  value: 5
              abort:
                grpcStatus: UNAVAILABLE
                percentage:
                  value: 2
            mirrors:
            - destination:
                host: reviews-shadow.shop.svc.cluster.local
                subset: v3
                port:
                  number: 9080
              percentage:
                value: 50
          - name: reset
            route:
            - destination:
                host: reviews.shop.svc.cluster.local
            fault:
              abort:
                http2Error: REFUSED_STREAM
          tls:
          - match:
            - sniHosts:
              - login.reviews.example.com
              destinationSubnets:
              - 10.0.0.0/16
              port: 443
              sourceLabels:
                app: frontend
              gateways:
              - istio-system/public-gateway
              sourceNamespace: web
            route:
            - destination:
                host: login.shop.svc.cluster.local
                subset: v1
                port:
                  number: 8443
              weight: 100
          tcp:
          - match:
            - destinationSubnets:
              - 10.1.0.0/16
              port: 27017
              sourceSubnet: 10.2.0.0/16
              sourceLabels:
                app: reporting
              gateways:
              - mesh
              sourceNamespace: analytics
            route:
            - destination:
                host: mongo.backup.svc.cluster.local
                subset: primary
                port:
                  number: 5555
              weight: 100
          exportTo:
          - .
          - istio-system

        """;
}
