// The header's bell for a signed-in reader: the unread count (read every minute), opening the latest
// notifications. Following one marks it read and goes where it points; "mark all read" clears the
// count. The list closes on Escape (focus back on the bell), on a click elsewhere and on navigation.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { isPlainClick, navigate, usePathname } from '../../../lib/router.js';
import { useSession } from '../../account/hooks/use-session.js';
import type { AppNotification } from '../api/get-notifications.js';
import { useNotifications } from '../hooks/use-notifications.js';
import { appPath, badgeText, notificationTitle } from '../utils/notifications.js';
import './notifications.css';

function BellIcon() {
  return (
    <svg className="notification-bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0h-5Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function NotificationBell() {
  const { account } = useSession();
  if (!account) return null;
  // Keyed by account: another person signing in in this tab starts from nothing.
  return <Bell key={account.id} />;
}

function Bell() {
  const { t, lang } = useI18n();
  const notifications = useNotifications(true);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const pathname = usePathname();

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const toggle = () => {
    if (!open) void notifications.refresh();
    setOpen(!open);
  };

  const follow = (item: AppNotification, event: MouseEvent<HTMLAnchorElement>) => {
    if (!item.read) void notifications.markRead([item.id]);
    const path = appPath(item.link);
    if (!path || !isPlainClick(event)) return;
    event.preventDefault();
    setOpen(false);
    navigate(path);
  };

  const { unread, items, loaded, error } = notifications;
  const badge = badgeText(unread);
  return (
    <div className="notification-bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="notification-bell__button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-label={unread > 0 ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell')}
        onClick={toggle}
        data-testid="notifications-bell"
        data-unread={unread}
      >
        <BellIcon />
        {badge && (
          <span className="notification-bell__badge" aria-hidden="true" data-testid="notifications-count">
            {badge}
          </span>
        )}
      </button>
      <p className="visually-hidden" role="status">
        {badge ? t('notifications.bellUnread', { n: unread }) : ''}
      </p>
      {open && (
        <section
          id="notifications-panel"
          className="notifications-panel"
          aria-labelledby="notifications-title"
          data-testid="notifications-panel"
        >
          <div className="notifications-panel__head">
            <h2 id="notifications-title" ref={heading} tabIndex={-1}>
              {t('notifications.title')}
            </h2>
            <button
              type="button"
              className="link-button"
              onClick={() => void notifications.markAllRead()}
              disabled={unread === 0}
              data-testid="notifications-read-all"
            >
              {t('notifications.markAll')}
            </button>
          </div>
          {error !== undefined && (
            <p className="field__error" role="alert">
              {t('notifications.failed')}
            </p>
          )}
          {!loaded ? (
            error === undefined && <p className="muted">{t('common.loading')}</p>
          ) : items.length === 0 ? (
            <p className="empty" data-testid="notifications-empty">
              {t('notifications.empty')}
            </p>
          ) : (
            <ul className="notifications-list" data-testid="notifications-list">
              {items.map((item) => (
                <li key={item.id} data-read={item.read} data-testid="notification">
                  <a
                    href={item.link}
                    className={`notification${item.read ? '' : ' notification--unread'}`}
                    onClick={(event) => follow(item, event)}
                  >
                    <span className="notification__title">
                      {!item.read && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                      {notificationTitle(item, lang)}
                    </span>
                    <time className="notification__at" dateTime={item.at}>
                      {formatDateTime(item.at, lang)}
                    </time>
                  </a>
                </li>
              ))}
            </ul>
          )}
          {notifications.hasMore && (
            <button
              type="button"
              className="button-secondary notifications-panel__more"
              onClick={() => void notifications.loadMore()}
              disabled={notifications.loadingMore}
            >
              {notifications.loadingMore ? t('common.loading') : t('common.more')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
