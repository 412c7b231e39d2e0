namespace Mesh.Dsl.Tests.Model;

/// <summary>
/// DestinationRules that together set every one of the 273 leaf fields the CRD defines, in canonical
/// form. The one-of members (simple / consistentHash, the hash keys, ringHash / maglev) are spread over
/// the five documents, the subsets and the port-level settings.
/// </summary>
internal static class DestinationRuleEveryField
{
    public const string Yaml = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: every-field
          namespace: prod
        spec:
          host: reviews.prod.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              simple: LEAST_REQUEST
              localityLbSetting:
                distribute:
                - from: us-west/zone1/*
                  to:
                    us-west/zone1/*: 80
                    us-west/zone2/*: 20
                failover:
                - from: us-east
                  to: eu-west
                failoverPriority:
                - topology.istio.io/network
                - version=v1
                enabled: true
              zoneAwareLbSetting:
                enabled: true
                failover:
                - from: us-west
                  to: us-east
                failoverPriority:
                - topology.istio.io/cluster
                minClusterSize: 3
              warmupDurationSecs: 1m
              warmup:
                duration: 2m
                minimumPercent: 10.5
                aggression: 1.5
            connectionPool:
              tcp:
                maxConnections: 100
                connectTimeout: 30ms
                tcpKeepalive:
                  probes: 9
                  time: 2h
                  interval: 1m15s
                maxConnectionDuration: 1h30m
                idleTimeout: 0s
              http:
                http1MaxPendingRequests: 10
                http2MaxRequests: 1000
                maxRequestsPerConnection: 1
                maxRetries: 3
                idleTimeout: 5m
                h2UpgradePolicy: DO_NOT_UPGRADE
                useClientProtocol: true
                maxConcurrentStreams: 100
                http2KeepAlive:
                  interval: 30s
                  timeout: 10s
            outlierDetection:
              consecutiveErrors: 7
              splitExternalLocalOriginErrors: true
              consecutiveLocalOriginFailures: 3
              consecutiveGatewayErrors: 4
              consecutive5xxErrors: 5
              interval: 5m
              baseEjectionTime: 15m
              maxEjectionPercent: 50
              minHealthPercent: 20
              outlierDetectionHttpErrorCodes:
              - 500
              - 503
            tls:
              mode: MUTUAL
              clientCertificate: /etc/certs/client.pem
              privateKey: /etc/certs/key.pem
              caCertificates: /etc/certs/ca.pem
              credentialName: client-credential
              subjectAltNames:
              - spiffe://cluster.local/ns/db/sa/db
              sni: db.example.com
              insecureSkipVerify: false
              caCrl: /etc/certs/crl.pem
            portLevelSettings:
            - port:
                number: 80
              loadBalancer:
                simple: LEAST_REQUEST
                localityLbSetting:
                  distribute:
                  - from: us-west/zone1/*
                    to:
                      us-west/zone1/*: 80
                      us-west/zone2/*: 20
                  failover:
                  - from: us-east
                    to: eu-west
                  failoverPriority:
                  - topology.istio.io/network
                  - version=v1
                  enabled: true
                zoneAwareLbSetting:
                  enabled: true
                  failover:
                  - from: us-west
                    to: us-east
                  failoverPriority:
                  - topology.istio.io/cluster
                  minClusterSize: 3
                warmupDurationSecs: 1m
                warmup:
                  duration: 2m
                  minimumPercent: 10.5
                  aggression: 1.5
              connectionPool:
                tcp:
                  maxConnections: 100
                  connectTimeout: 30ms
                  tcpKeepalive:
                    probes: 9
                    time: 2h
                    interval: 1m15s
                  maxConnectionDuration: 1h30m
                  idleTimeout: 0s
                http:
                  http1MaxPendingRequests: 10
                  http2MaxRequests: 1000
                  maxRequestsPerConnection: 1
                  maxRetries: 3
                  idleTimeout: 5m
                  h2UpgradePolicy: DO_NOT_UPGRADE
                  useClientProtocol: true
                  maxConcurrentStreams: 100
                  http2KeepAlive:
                    interval: 30s
                    timeout: 10s
              outlierDetection:
                consecutiveErrors: 7
                splitExternalLocalOriginErrors: true
                consecutiveLocalOriginFailures: 3
                consecutiveGatewayErrors: 4
                consecutive5xxErrors: 5
                interval: 5m
                baseEjectionTime: 15m
                maxEjectionPercent: 50
                minHealthPercent: 20
                outlierDetectionHttpErrorCodes:
                - 500
                - 503
              tls:
                mode: MUTUAL
                clientCertificate: /etc/certs/client.pem
                privateKey: /etc/certs/key.pem
                caCertificates: /etc/certs/ca.pem
                credentialName: client-credential
                subjectAltNames:
                - spiffe://cluster.local/ns/db/sa/db
                sni: db.example.com
                insecureSkipVerify: false
                caCrl: /etc/certs/crl.pem
            - port:
                number: 81
              loadBalancer:
                consistentHash:
                  httpHeaderName: x-user
                  ringHash:
                    minimumRingSize: 2048
                  minimumRingSize: 1024
            - port:
                number: 82
              loadBalancer:
                consistentHash:
                  httpCookie:
                    name: user
                    path: /
                    ttl: 0s
                    attributes:
                    - name: SameSite
                      value: Strict
                    - name: Secure
                  maglev:
                    tableSize: 65537
            - port:
                number: 83
              loadBalancer:
                consistentHash:
                  useSourceIp: true
            - port:
                number: 84
              loadBalancer:
                consistentHash:
                  httpQueryParameterName: session
            tunnel:
              protocol: CONNECT
              targetHost: proxy.example.com
              targetPort: 8443
            proxyProtocol:
              version: V2
            retryBudget:
              percent: 25
              minRetryConcurrency: 5
              budgetInterval: 10s
          subsets:
          - name: v1
            labels:
              version: v1
              app: reviews
            trafficPolicy:
              loadBalancer:
                simple: LEAST_REQUEST
                localityLbSetting:
                  distribute:
                  - from: us-west/zone1/*
                    to:
                      us-west/zone1/*: 80
                      us-west/zone2/*: 20
                  failover:
                  - from: us-east
                    to: eu-west
                  failoverPriority:
                  - topology.istio.io/network
                  - version=v1
                  enabled: true
                zoneAwareLbSetting:
                  enabled: true
                  failover:
                  - from: us-west
                    to: us-east
                  failoverPriority:
                  - topology.istio.io/cluster
                  minClusterSize: 3
                warmupDurationSecs: 1m
                warmup:
                  duration: 2m
                  minimumPercent: 10.5
                  aggression: 1.5
              connectionPool:
                tcp:
                  maxConnections: 100
                  connectTimeout: 30ms
                  tcpKeepalive:
                    probes: 9
                    time: 2h
                    interval: 1m15s
                  maxConnectionDuration: 1h30m
                  idleTimeout: 0s
                http:
                  http1MaxPendingRequests: 10
                  http2MaxRequests: 1000
                  maxRequestsPerConnection: 1
                  maxRetries: 3
                  idleTimeout: 5m
                  h2UpgradePolicy: DO_NOT_UPGRADE
                  useClientProtocol: true
                  maxConcurrentStreams: 100
                  http2KeepAlive:
                    interval: 30s
                    timeout: 10s
              outlierDetection:
                consecutiveErrors: 7
                splitExternalLocalOriginErrors: true
                consecutiveLocalOriginFailures: 3
                consecutiveGatewayErrors: 4
                consecutive5xxErrors: 5
                interval: 5m
                baseEjectionTime: 15m
                maxEjectionPercent: 50
                minHealthPercent: 20
                outlierDetectionHttpErrorCodes:
                - 500
                - 503
              tls:
                mode: MUTUAL
                clientCertificate: /etc/certs/client.pem
                privateKey: /etc/certs/key.pem
                caCertificates: /etc/certs/ca.pem
                credentialName: client-credential
                subjectAltNames:
                - spiffe://cluster.local/ns/db/sa/db
                sni: db.example.com
                insecureSkipVerify: false
                caCrl: /etc/certs/crl.pem
              portLevelSettings:
              - port:
                  number: 80
                loadBalancer:
                  simple: LEAST_REQUEST
                  localityLbSetting:
                    distribute:
                    - from: us-west/zone1/*
                      to:
                        us-west/zone1/*: 80
                        us-west/zone2/*: 20
                    failover:
                    - from: us-east
                      to: eu-west
                    failoverPriority:
                    - topology.istio.io/network
                    - version=v1
                    enabled: true
                  zoneAwareLbSetting:
                    enabled: true
                    failover:
                    - from: us-west
                      to: us-east
                    failoverPriority:
                    - topology.istio.io/cluster
                    minClusterSize: 3
                  warmupDurationSecs: 1m
                  warmup:
                    duration: 2m
                    minimumPercent: 10.5
                    aggression: 1.5
                connectionPool:
                  tcp:
                    maxConnections: 100
                    connectTimeout: 30ms
                    tcpKeepalive:
                      probes: 9
                      time: 2h
                      interval: 1m15s
                    maxConnectionDuration: 1h30m
                    idleTimeout: 0s
                  http:
                    http1MaxPendingRequests: 10
                    http2MaxRequests: 1000
                    maxRequestsPerConnection: 1
                    maxRetries: 3
                    idleTimeout: 5m
                    h2UpgradePolicy: DO_NOT_UPGRADE
                    useClientProtocol: true
                    maxConcurrentStreams: 100
                    http2KeepAlive:
                      interval: 30s
                      timeout: 10s
                outlierDetection:
                  consecutiveErrors: 7
                  splitExternalLocalOriginErrors: true
                  consecutiveLocalOriginFailures: 3
                  consecutiveGatewayErrors: 4
                  consecutive5xxErrors: 5
                  interval: 5m
                  baseEjectionTime: 15m
                  maxEjectionPercent: 50
                  minHealthPercent: 20
                  outlierDetectionHttpErrorCodes:
                  - 500
                  - 503
                tls:
                  mode: MUTUAL
                  clientCertificate: /etc/certs/client.pem
                  privateKey: /etc/certs/key.pem
                  caCertificates: /etc/certs/ca.pem
                  credentialName: client-credential
                  subjectAltNames:
                  - spiffe://cluster.local/ns/db/sa/db
                  sni: db.example.com
                  insecureSkipVerify: false
                  caCrl: /etc/certs/crl.pem
              - port:
                  number: 81
                loadBalancer:
                  consistentHash:
                    httpHeaderName: x-user
                    ringHash:
                      minimumRingSize: 2048
                    minimumRingSize: 1024
              - port:
                  number: 82
                loadBalancer:
                  consistentHash:
                    httpCookie:
                      name: user
                      path: /
                      ttl: 0s
                      attributes:
                      - name: SameSite
                        value: Strict
                      - name: Secure
                    maglev:
                      tableSize: 65537
              - port:
                  number: 83
                loadBalancer:
                  consistentHash:
                    useSourceIp: true
              - port:
                  number: 84
                loadBalancer:
                  consistentHash:
                    httpQueryParameterName: session
              tunnel:
                protocol: CONNECT
                targetHost: proxy.example.com
                targetPort: 8443
              proxyProtocol:
                version: V2
              retryBudget:
                percent: 25
                minRetryConcurrency: 5
                budgetInterval: 10s
          - name: v2
            labels:
              version: v2
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  httpHeaderName: x-user
                  ringHash:
                    minimumRingSize: 2048
                  minimumRingSize: 1024
          - name: v3
            labels:
              version: v3
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  httpCookie:
                    name: user
                    path: /
                    ttl: 0s
                    attributes:
                    - name: SameSite
                      value: Strict
                    - name: Secure
                  maglev:
                    tableSize: 65537
          - name: v4
            labels:
              version: v4
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  useSourceIp: true
          - name: v5
            labels:
              version: v5
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  httpQueryParameterName: session
          exportTo:
          - .
          - istio-system
          workloadSelector:
            matchLabels:
              app: curl
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: hash-header
          namespace: prod
        spec:
          host: reviews.prod.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              consistentHash:
                httpHeaderName: x-user
                ringHash:
                  minimumRingSize: 2048
                minimumRingSize: 1024
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: hash-cookie
          namespace: prod
        spec:
          host: reviews.prod.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              consistentHash:
                httpCookie:
                  name: user
                  path: /
                  ttl: 0s
                  attributes:
                  - name: SameSite
                    value: Strict
                  - name: Secure
                maglev:
                  tableSize: 65537
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: hash-source-ip
          namespace: prod
        spec:
          host: reviews.prod.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              consistentHash:
                useSourceIp: true
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: hash-query
          namespace: prod
        spec:
          host: reviews.prod.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              consistentHash:
                httpQueryParameterName: session

        """;
}
