//! A small cache of layouts for the UI, keyed by (article id, width, height, settings):
//! re-laid out only when the pane size or a setting changes.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use super::{Layout, Settings, columns, layout};
use crate::model::{Article, ArticleId};

type Key = (ArticleId, u16, u16, Settings);

/// Layouts shared with the UI; holds the most recent `capacity` of them.
#[derive(Debug)]
pub struct Cache {
    map: HashMap<Key, Arc<Layout>>,
    order: VecDeque<Key>,
    capacity: usize,
}

impl Default for Cache {
    fn default() -> Self {
        Cache::new()
    }
}

impl Cache {
    /// A cache holding up to 32 layouts.
    pub fn new() -> Self {
        Cache::with_capacity(32)
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Cache {
            map: HashMap::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// The layout of `article` for a pane of `width` × `height`, set now or taken from
    /// the cache. The height is part of the key only when it matters (columns).
    pub fn get(
        &mut self,
        article: &Article,
        width: u16,
        height: u16,
        settings: &Settings,
    ) -> Arc<Layout> {
        let h = if columns::plan(width, height, settings).is_some() {
            height
        } else {
            0
        };
        let key = (article.id.clone(), width, h, *settings);
        if let Some(l) = self.map.get(&key) {
            return Arc::clone(l);
        }
        let l = Arc::new(layout(article, width, height, settings));
        if self.order.len() >= self.capacity
            && let Some(old) = self.order.pop_front()
        {
            self.map.remove(&old);
        }
        self.order.push_back(key.clone());
        self.map.insert(key, Arc::clone(&l));
        l
    }

    /// Forget every layout (after the library is reloaded).
    pub fn clear(&mut self) {
        self.map.clear();
        self.order.clear();
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    #[test]
    fn shares_and_evicts() {
        let a = Article {
            id: ArticleId("x/1".into()),
            title: "标题".into(),
            paragraphs: vec![Paragraph::text("正文。")],
            ..Default::default()
        };
        let st = Settings::default();
        let mut c = Cache::with_capacity(2);
        let one = c.get(&a, 40, 20, &st);
        let two = c.get(&a, 40, 30, &st);
        assert!(
            Arc::ptr_eq(&one, &two),
            "height does not matter without columns"
        );
        let wide = c.get(&a, 80, 20, &st);
        assert_eq!(wide.width, 80);
        assert_eq!(c.len(), 2);
        c.get(&a, 50, 20, &st);
        assert_eq!(c.len(), 2);
        let again = c.get(&a, 40, 20, &st);
        assert!(!Arc::ptr_eq(&one, &again), "the oldest was evicted");
        assert_eq!(*one, *again);
    }
}
