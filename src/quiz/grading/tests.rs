use super::*;

fn terms() -> &'static Glossary {
    Glossary::curated()
}

fn choice() -> ItemKind {
    ItemKind::Choice { choices: vec!["w".into(), "x".into(), "y".into(), "z".into()], answer: 1 }
}

fn text(accept: &[&str]) -> ItemKind {
    text_with(accept, &[])
}

fn text_with(accept: &[&str], reject: &[&str]) -> ItemKind {
    ItemKind::Text {
        accept: accept.iter().map(|s| s.to_string()).collect(),
        reject: reject.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn grading_table() {
    let cases: &[(ItemKind, &str, Result<bool, GradeError>)] = &[
        (choice(), "b", Ok(true)),
        (choice(), "B", Ok(true)),
        (choice(), " b ", Ok(true)),
        (choice(), "a", Ok(false)),
        (choice(), "D", Ok(false)),
        (choice(), "Z", Err(GradeError::OutOfRange { given: 'Z', last: 'D' })),
        (choice(), "e", Err(GradeError::OutOfRange { given: 'E', last: 'D' })),
        (choice(), "bb", Err(GradeError::NotALetter { last: 'D' })),
        (choice(), "1", Err(GradeError::NotALetter { last: 'D' })),
        (choice(), "", Err(GradeError::Empty)),
        (choice(), "   ", Err(GradeError::Empty)),
        (text(&["consistency"]), "consistency", Ok(true)),
        (text(&["consistency"]), "  Consistency. ", Ok(true)),
        (text(&["consistency"]), "the consistency", Ok(true)),
        (text(&["consistency"]), "consistancy", Ok(true)),
        (text(&["consistency"]), "consistenyc", Ok(true)),
        (text(&["consistency"]), "consistensy!!", Ok(true)),
        (text(&["consistency"]), "constancy", Ok(false)),
        (text(&["consistency"]), "availability", Ok(false)),
        (text(&["shard"]), "shard", Ok(true)),
        (text(&["shard"]), "shart", Ok(false)),
        (text(&["idempotent", "idempotency"]), "Idempotency", Ok(true)),
        (text(&["load balancer"]), "a load-balancer", Ok(true)),
        (text(&["load balancer"]), "load  balancer the", Ok(true)),
        (text(&["443"]), "443", Ok(true)),
        (text(&["443"]), "444", Ok(false)),
        (text(&["http 2"]), "http 3", Ok(false)),
        (text(&["consistency"]), "", Err(GradeError::Empty)),
        (text(&["consistency"]), "?!", Err(GradeError::Empty)),
        // Opposites and look-alike terms are never one typo away.
        (text(&["asynchronous"]), "synchronous", Ok(false)),
        (text(&["asynchronous"]), "asynchronus", Ok(true)),
        (text(&["asynchronous programming"]), "synchronous programming", Ok(false)),
        (text_with(&["pooling", "connection pooling"], &["polling"]), "polling", Ok(false)),
        (text_with(&["pooling", "connection pooling"], &["polling"]), "connection polling", Ok(false)),
        (text_with(&["pooling", "connection pooling"], &["polling"]), "poling", Ok(false)),
        (text_with(&["pooling", "connection pooling"], &["polling"]), "connection poolng", Ok(true)),
        (text_with(&["authorization", "authz"], &["authentication"]), "authentification", Ok(false)),
        // Numbers with the usual words around them.
        (text(&["429", "Too Many Requests"]), "HTTP 429", Ok(true)),
        (text(&["429", "Too Many Requests"]), "429 Too Many Requests", Ok(true)),
        (text(&["429", "Too Many Requests"]), "status code 429", Ok(true)),
        (text(&["429", "Too Many Requests"]), "HTTP 428", Ok(false)),
        (text(&["429", "Too Many Requests"]), "429 Not Found", Ok(false)),
        (text(&["443", "HTTPS port"]), "port 443", Ok(true)),
        (text(&["443", "HTTPS port"]), "TCP port 443", Ok(true)),
        (text(&["443", "HTTPS port"]), "port 80", Ok(false)),
        // The full name with its abbreviation, either way round.
        (text(&["XSS", "Cross-Site Scripting"]), "Cross-Site Scripting (XSS)", Ok(true)),
        (text(&["XSS", "Cross-Site Scripting"]), "XSS (cross site scripting)", Ok(true)),
        (text(&["XSS", "Cross-Site Scripting"]), "Cross-Site Request Forgery (CSRF)", Ok(false)),
        (text(&["XSS", "Cross-Site Scripting"]), "Cross-Site Scripting (CSRF)", Ok(false)),
    ];
    for (kind, input, want) in cases {
        assert_eq!(&grade(kind, "", input, terms()), want, "input {input:?} against {kind:?}");
    }
}

#[test]
fn reject_entries_win_over_typo_tolerance() {
    let kind = text_with(&["sharding", "database sharding"], &["sharing"]);
    let g = explain(&kind, "", "sharing", terms()).unwrap();
    assert_eq!(g, Graded { correct: false, why: Why::Rejected("sharing".into()) });
    assert_eq!(g.to_string(), "matches the reject entry \"sharing\"");
    assert_eq!(explain(&kind, "", "shardnig", terms()).unwrap().why, Why::Typo("sharding".into()));
    assert_eq!(explain(&kind, "", "Database Sharding", terms()).unwrap().why, Why::Exact("database sharding".into()));
}

#[test]
fn explanations_name_the_wording_that_matched() {
    let kind = text(&["429", "Too Many Requests"]);
    assert_eq!(explain(&kind, "", "HTTP 429", terms()).unwrap().why, Why::Number("429".into()));
    assert_eq!(explain(&kind, "", "HTTP 500", terms()).unwrap().why, Why::WrongNumber);
    let kind = text(&["asynchronous"]);
    assert_eq!(explain(&kind, "", "synchronous", terms()).unwrap().why, Why::Opposite("asynchronous".into()));
    assert_eq!(explain(&kind, "", "threads", terms()).unwrap().why, Why::NoMatch);
}

/// The wordings engineers type that grader v2 got wrong, each with the rule that now decides.
#[test]
fn v3_reads_wordings_engineers_type() {
    let cases: &[(&[&str], &[&str], &str, bool)] = &[
        // A negation turns a reject entry around.
        (&["asynchronous", "non-blocking", "async"], &["blocking", "synchronous"], "non-blocking I/O", true),
        (&["asynchronous", "non-blocking", "async"], &["blocking", "synchronous"], "not blocking", false),
        (&["asynchronous", "non-blocking", "async"], &["blocking", "synchronous"], "blocking I/O", false),
        (&["non-repeatable read"], &["repeatable read", "phantom read"], "non-repeatable read anomaly", true),
        (&["non-repeatable read"], &["repeatable read", "phantom read"], "repeatable read", false),
        // A reject entry inside a right wording does not count.
        (&["cost factor", "work factor", "salt rounds"], &["salt"], "salt rounds", true),
        (&["cost factor", "work factor", "salt rounds"], &["salt"], "a longer salt", false),
        // Harmless tails and notes.
        (&["300 ms"], &[], "roughly 300 ms", true),
        (&["300 ms"], &[], "~300ms", true),
        (&["300 ms"], &[], "roughly 200 ms", false),
        (&["OPTIONS", "preflight request"], &["GET"], "OPTIONS preflight", true),
        (&["GET"], &["POST", "HEAD"], "HTTP GET method", true),
        (&["GET"], &["POST", "HEAD"], "GET or POST", false),
        (&["consistent hashing"], &["round robin"], "consistent hashing ring", true),
        (&["Pod"], &["Deployment", "container"], "Pod (group of containers)", true),
        (&["Pod"], &["Deployment", "container"], "Pod (a Deployment)", false),
        (&["idempotent", "idempotency"], &[], "idempotent (safe to retry)", true),
        (&["distributed monolith"], &["microservices"], "distributed monolith anti-pattern", true),
        (&["idempotent"], &[], "not idempotent", false),
        // Abbreviation and expansion, either order.
        (&["object-relational mapping", "object relational mapper"], &[], "Object-Relational Mapping (ORM)", true),
        (&["ORM"], &[], "ORM (Object-Relational Mapping)", true),
        (&["REST"], &["GraphQL"], "Representational State Transfer (REST)", true),
        (&["infrastructure as code"], &[], "IaC", true),
        (&["XSS", "Cross-Site Scripting"], &[], "Cross-Site Scripting (CSRF)", false),
        (&["ORM", "object-relational mapping"], &["Object Role Modeling"], "Object Role Modeling (ORM)", false),
        (&["SNI", "Server Name Indication"], &[], "Server Name Identification (SNI)", false),
        (&["SNI", "Server Name Indication"], &[], "Server Name Indication (SNI)", true),
        // Digits are words unless the answer is a number.
        (&["access token"], &["refresh token"], "OAuth 2.0 access token", true),
        (&["Service"], &["Ingress", "Pod"], "k8s Service", true),
        (&["cgroups", "control groups"], &["namespaces"], "cgroups v1", true),
        (&["Sunset"], &["Deprecation"], "Sunset (RFC 8594)", true),
        (&["Retry-After"], &["Expires"], "Retry-After: 30", true),
        (&["PUT"], &["PATCH", "POST"], "PUT /users/7", true),
        (&["PUT"], &["PATCH", "POST"], "PATCH /users/7", false),
        (&["PUT"], &["PATCH", "POST"], "PUT 7", true),
        // Commands with flags and arguments.
        (&["docker build"], &["docker run"], "docker build -t myapp .", true),
        (&["terraform plan"], &["terraform apply"], "terraform plan -out=tfplan", true),
        (&["terraform plan"], &["terraform apply"], "terraform apply -auto-approve", false),
        // A typo that lands on, or next to, another real term is not forgiven.
        (&["B-tree", "B+ tree"], &[], "R-tree", false),
        (&["B-tree", "B+ tree"], &[], "T-tree", false),
        (&["B-tree", "B+ tree"], &[], "Btree", true),
        (&["HttpOnly"], &["Secure"], "HttpsOnly", false),
        (&["HttpOnly"], &["Secure"], "HtttpOnly", true),
        (&["application/json"], &["text/html"], "application/jsonp", false),
        (&["application/json"], &["text/html"], "aplication/json", true),
        (&["connection pool", "connection pooling"], &["polling"], "connection poll", false),
        (&["connection pool", "connection pooling"], &["polling"], "conection pool", true),
        (&["authorization", "authz"], &["authentication", "authentification"], "authentification", false),
    ];
    for (accept, reject, input, want) in cases {
        let kind = text_with(accept, reject);
        let g = explain(&kind, "", input, terms()).unwrap();
        assert_eq!(g.correct, *want, "{input:?} against accept {accept:?} reject {reject:?}: {g}");
    }
}

/// Found by the `grader` fuzz target: an accepted wording that starts with
/// `/` but holds a space is not a path, and any accepted wording grades
/// right when given exactly as written (a bracket in a path included).
#[test]
fn an_accepted_wording_with_spaces_that_starts_with_a_slash_is_words() {
    for accepted in ["/\0I\n2", "/ read only", "/api/users list", "/3(\0", "/v1/users (beta)"] {
        let item = text(&[accepted]);
        assert_eq!(grade(&item, "", accepted, terms()), Ok(true), "{accepted:?}");
    }
    // Found the same way: a wording holding a path, beside an accepted path.
    for accepted in [["/x", "!!/777"], ["/7", "!!/777"]] {
        assert_eq!(grade(&text(&accepted), "", "!!/777", terms()), Ok(true), "{accepted:?}");
    }
    // A real path still takes only itself.
    let item = text(&["/api/users"]);
    assert_eq!(grade(&item, "", "/api/users", terms()), Ok(true));
    assert_eq!(grade(&item, "", "/api/orders", terms()), Ok(false));
}

/// Found by the grader proptest: a verb ending after a character whose last
/// two bytes repeat (`𑎎` is F0 91 8E 8E) is no doubled letter, and no panic.
#[test]
fn a_verb_ending_after_a_multibyte_character_does_not_split_it() {
    for answer in ["ዀ𑎎ing", "ዀ𑎎ed", "stubbing"] {
        assert!(grade(&text(&["stub"]), "", answer, terms()).is_ok(), "{answer}");
    }
    assert_eq!(grade(&text(&["stub"]), "", "stubbing", terms()), Ok(true));
}
