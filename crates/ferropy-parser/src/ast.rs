//! AST nodes.  One uniform node shape (kind + location + fields in CPython's order) rather
//! than a Rust type per node: the parser builds it, `dump` prints it and the runtime will
//! turn it into `ast.*` objects, all three driven by one table (`Kind::info`) that mirrors
//! CPython 3.11's ASDL -- so a field name or order cannot drift between them.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Loc {
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    /// Exact decimal digits (ints are unbounded).
    Int(String),
    Float(f64),
    /// Imaginary part of a complex literal (the real part is always 0).
    Complex(f64),
    /// Text as WTF-8: lone surrogates from `\udXXX` escapes are representable.
    Str(Vec<u8>),
    Bytes(Vec<u8>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Node(Box<Node>),
    List(Vec<Value>),
    None,
    /// An identifier or other text field (printed with str repr).
    Str(String),
    /// Plain integer fields: `level`, `simple`, `is_async`, `conversion`.
    Int(i64),
    Const(Constant),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub loc: Loc,
    pub fields: Vec<Value>,
}

pub type Module = Node;

impl Node {
    pub fn new(kind: Kind, loc: Loc, fields: Vec<Value>) -> Node {
        Node { kind, loc, fields }
    }
    pub fn leaf(kind: Kind) -> Node {
        Node { kind, loc: Loc::default(), fields: Vec::new() }
    }
    pub fn field(&self, name: &str) -> Option<&Value> {
        let info = self.kind.info();
        info.fields.iter().position(|f| f.trim_end_matches('?') == name).and_then(|i| self.fields.get(i))
    }
    pub fn field_mut(&mut self, name: &str) -> Option<&mut Value> {
        let info = self.kind.info();
        match info.fields.iter().position(|f| f.trim_end_matches('?') == name) {
            Some(i) => self.fields.get_mut(i),
            None => None,
        }
    }
}

impl Value {
    pub fn node(n: Node) -> Value {
        Value::Node(Box::new(n))
    }
    pub fn opt(n: Option<Node>) -> Value {
        match n {
            Some(n) => Value::Node(Box::new(n)),
            None => Value::None,
        }
    }
    pub fn list(v: Vec<Node>) -> Value {
        Value::List(v.into_iter().map(Value::node).collect())
    }
    pub fn as_node(&self) -> Option<&Node> {
        match self {
            Value::Node(n) => Some(n),
            _ => None,
        }
    }
}

pub struct KindInfo {
    pub name: &'static str,
    /// Field names in CPython order; a trailing `?` marks an optional field.
    pub fields: &'static [&'static str],
    /// Whether the node carries lineno/col_offset/end_lineno/end_col_offset.
    pub attrs: bool,
}

macro_rules! kinds {
    ($($k:ident : $attrs:expr => [$($f:expr),*];)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind { $($k),* }
        impl Kind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Kind] = &[$(Kind::$k),*];
            pub fn info(self) -> &'static KindInfo {
                match self {
                    $(Kind::$k => { static I: KindInfo = KindInfo { name: stringify!($k), fields: &[$($f),*], attrs: $attrs }; &I })*
                }
            }
        }
    };
}

kinds! {
    Module: false => ["body", "type_ignores"];
    Expression: false => ["body"];
    Interactive: false => ["body"];
    FunctionDef: true => ["name", "args", "body", "decorator_list", "returns?", "type_comment?"];
    AsyncFunctionDef: true => ["name", "args", "body", "decorator_list", "returns?", "type_comment?"];
    ClassDef: true => ["name", "bases", "keywords", "body", "decorator_list"];
    Return: true => ["value?"];
    Delete: true => ["targets"];
    Assign: true => ["targets", "value", "type_comment?"];
    AugAssign: true => ["target", "op", "value"];
    AnnAssign: true => ["target", "annotation", "value?", "simple"];
    For: true => ["target", "iter", "body", "orelse", "type_comment?"];
    AsyncFor: true => ["target", "iter", "body", "orelse", "type_comment?"];
    While: true => ["test", "body", "orelse"];
    If: true => ["test", "body", "orelse"];
    With: true => ["items", "body", "type_comment?"];
    AsyncWith: true => ["items", "body", "type_comment?"];
    Match: true => ["subject", "cases"];
    Raise: true => ["exc?", "cause?"];
    Try: true => ["body", "handlers", "orelse", "finalbody"];
    TryStar: true => ["body", "handlers", "orelse", "finalbody"];
    Assert: true => ["test", "msg?"];
    Import: true => ["names"];
    ImportFrom: true => ["module?", "names", "level?"];
    Global: true => ["names"];
    Nonlocal: true => ["names"];
    Expr: true => ["value"];
    Pass: true => [];
    Break: true => [];
    Continue: true => [];
    BoolOp: true => ["op", "values"];
    NamedExpr: true => ["target", "value"];
    BinOp: true => ["left", "op", "right"];
    UnaryOp: true => ["op", "operand"];
    Lambda: true => ["args", "body"];
    IfExp: true => ["test", "body", "orelse"];
    Dict: true => ["keys", "values"];
    Set: true => ["elts"];
    ListComp: true => ["elt", "generators"];
    SetComp: true => ["elt", "generators"];
    DictComp: true => ["key", "value", "generators"];
    GeneratorExp: true => ["elt", "generators"];
    Await: true => ["value"];
    Yield: true => ["value?"];
    YieldFrom: true => ["value"];
    Compare: true => ["left", "ops", "comparators"];
    Call: true => ["func", "args", "keywords"];
    FormattedValue: true => ["value", "conversion", "format_spec?"];
    JoinedStr: true => ["values"];
    Constant: true => ["value", "kind?"];
    Attribute: true => ["value", "attr", "ctx"];
    Subscript: true => ["value", "slice", "ctx"];
    Starred: true => ["value", "ctx"];
    Name: true => ["id", "ctx"];
    List: true => ["elts", "ctx"];
    Tuple: true => ["elts", "ctx"];
    Slice: true => ["lower?", "upper?", "step?"];
    Load: false => [];
    Store: false => [];
    Del: false => [];
    And: false => [];
    Or: false => [];
    Add: false => [];
    Sub: false => [];
    Mult: false => [];
    MatMult: false => [];
    Div: false => [];
    Mod: false => [];
    Pow: false => [];
    LShift: false => [];
    RShift: false => [];
    BitOr: false => [];
    BitXor: false => [];
    BitAnd: false => [];
    FloorDiv: false => [];
    Invert: false => [];
    Not: false => [];
    UAdd: false => [];
    USub: false => [];
    Eq: false => [];
    NotEq: false => [];
    Lt: false => [];
    LtE: false => [];
    Gt: false => [];
    GtE: false => [];
    Is: false => [];
    IsNot: false => [];
    In: false => [];
    NotIn: false => [];
    Comprehension: false => ["target", "iter", "ifs", "is_async"];
    ExceptHandler: true => ["type?", "name?", "body"];
    Arguments: false => ["posonlyargs", "args", "vararg?", "kwonlyargs", "kw_defaults", "kwarg?", "defaults"];
    Arg: true => ["arg", "annotation?", "type_comment?"];
    Keyword: true => ["arg?", "value"];
    Alias: true => ["name", "asname?"];
    Withitem: false => ["context_expr", "optional_vars?"];
    MatchCase: false => ["pattern", "guard?", "body"];
    MatchValue: true => ["value"];
    MatchSingleton: true => ["value"];
    MatchSequence: true => ["patterns"];
    MatchMapping: true => ["keys", "patterns", "rest?"];
    MatchClass: true => ["cls", "patterns", "kwd_attrs", "kwd_patterns"];
    MatchStar: true => ["name?"];
    MatchAs: true => ["pattern?", "name?"];
    MatchOr: true => ["patterns"];
}

impl Kind {
    /// The Python class name (a few differ from the Rust variant name).
    pub fn py_name(self) -> &'static str {
        match self {
            Kind::Comprehension => "comprehension",
            Kind::Arguments => "arguments",
            Kind::Arg => "arg",
            Kind::Keyword => "keyword",
            Kind::Alias => "alias",
            Kind::Withitem => "withitem",
            Kind::MatchCase => "match_case",
            k => k.info().name,
        }
    }
}
