//! The grammar text (`grammar_text.rs`) read into classes: every sum type (an abstract base
//! class), its constructors, and every product type, with fields, `_attributes` and the
//! class docs CPython shows.
use std::sync::OnceLock;

use super::grammar_text::GRAMMAR;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Quant {
    One,
    /// `type? name`: may be None (the class has a None default).
    Opt,
    /// `type* name`: a list.
    Seq,
}

pub(super) struct Field {
    pub ty: &'static str,
    pub name: &'static str,
    pub q: Quant,
}

pub(super) struct Class {
    pub name: &'static str,
    /// The sum type a constructor belongs to (its base class); None: a direct AST subclass.
    pub base: Option<usize>,
    pub fields: Vec<Field>,
    /// The `_attributes` this class defines (sum and product types); constructors inherit.
    pub attributes: Option<Vec<Field>>,
    pub doc: String,
    pub is_sum: bool,
}

pub(super) struct Grammar {
    pub classes: Vec<Class>,
}

impl Grammar {
    pub fn index(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c.name == name)
    }

    /// The attributes (`lineno`, ...) instances of class `i` carry.
    pub fn attributes_of(&self, i: usize) -> &[Field] {
        let c = &self.classes[i];
        let owner = c.base.map_or(c, |b| &self.classes[b]);
        owner.attributes.as_deref().unwrap_or(&[])
    }
}

pub(super) fn grammar() -> &'static Grammar {
    static G: OnceLock<Grammar> = OnceLock::new();
    G.get_or_init(|| read(GRAMMAR))
}

fn read(text: &'static str) -> Grammar {
    let mut classes = Vec::new();
    for line in text.lines() {
        let (name, rest) = line.split_once(" = ").expect("grammar line");
        let (body, attributes) = match rest.split_once(" attributes ") {
            Some((b, a)) => (b, Some(fields(a))),
            None => (rest, None),
        };
        if body.starts_with('(') {
            let f = fields(body);
            let doc = format!("{name}{body}");
            classes.push(Class { name, base: None, fields: f, attributes: Some(attributes.unwrap_or_default()), doc, is_sum: false });
            continue;
        }
        let ctors: Vec<&'static str> = body.split(" | ").collect();
        let simple = ctors.iter().all(|c| !c.contains('('));
        let sep = if simple { " | ".to_string() } else { format!("\n{}| ", " ".repeat(name.len() + 1)) };
        let base = classes.len();
        classes.push(Class {
            name,
            base: None,
            fields: Vec::new(),
            attributes: Some(attributes.unwrap_or_default()),
            doc: format!("{name} = {}", ctors.join(&sep)),
            is_sum: true,
        });
        for ctor in ctors {
            let (cname, f) = match ctor.find('(') {
                Some(p) => (&ctor[..p], fields(&ctor[p..])),
                None => (ctor, Vec::new()),
            };
            classes.push(Class { name: cname, base: Some(base), fields: f, attributes: None, doc: ctor.to_string(), is_sum: false });
        }
    }
    Grammar { classes }
}

/// `(type? name, type* name)` -> fields.
fn fields(s: &'static str) -> Vec<Field> {
    let inner = s.trim().trim_start_matches('(').trim_end_matches(')');
    if inner.is_empty() {
        return Vec::new();
    }
    inner
        .split(", ")
        .map(|f| {
            let (ty, name) = f.split_once(' ').expect("grammar field");
            let (ty, q) = match ty.strip_suffix('?') {
                Some(t) => (t, Quant::Opt),
                None => match ty.strip_suffix('*') {
                    Some(t) => (t, Quant::Seq),
                    None => (ty, Quant::One),
                },
            };
            Field { ty, name, q }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_class() {
        let g = grammar();
        let name = &g.classes[g.index("Name").unwrap()];
        assert_eq!(name.doc, "Name(identifier id, expr_context ctx)");
        assert_eq!(g.attributes_of(g.index("Name").unwrap()).len(), 4);
        let m = &g.classes[g.index("mod").unwrap()];
        assert!(m.doc.starts_with("mod = Module(stmt* body, type_ignore* type_ignores)\n    | Interactive"));
        assert_eq!(g.classes[g.index("expr_context").unwrap()].doc, "expr_context = Load | Store | Del");
        let args = &g.classes[g.index("arguments").unwrap()];
        assert_eq!(args.fields[2].q, Quant::Opt);
        assert_eq!(args.fields[0].q, Quant::Seq);
        // Every parser node kind has a class with the same fields.
        for k in ferropy_parser::ast::Kind::ALL {
            let c = &g.classes[g.index(k.py_name()).unwrap_or_else(|| panic!("{}", k.py_name()))];
            let names: Vec<&str> = k.info().fields.iter().map(|f| f.trim_end_matches('?')).collect();
            let mine: Vec<&str> = c.fields.iter().map(|f| f.name).collect();
            assert_eq!(names, mine, "{}", c.name);
        }
    }
}
