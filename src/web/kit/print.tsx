import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n.ts';
import { kitMessages } from './kit.i18n.ts';

/**
 * Printing: a document (转诊单, 检查申请单) on A4, a queue ticket on an 80 mm thermal roll.
 * The page opens a preview; 打印 copies the document into a print-only layer directly under
 * <body>, sets the paper with @page and calls the browser's print dialog. Everything else on
 * the page is hidden while printing (styles.css, `body.oc-printing`).
 */
export type Paper = 'a4' | 'ticket';

const PAGE_RULE: Record<Paper, string> = {
  a4: '@page { size: A4 portrait; margin: 14mm 16mm; }',
  ticket: '@page { size: 80mm auto; margin: 2mm 4mm; }',
};

export function printNow(): void {
  window.print();
}

function PrintLayer({ paper, children }: { paper: Paper; children: ReactNode }) {
  useEffect(() => {
    document.body.classList.add('oc-printing');
    const done = () => document.body.classList.remove('oc-printing');
    window.addEventListener('afterprint', done);
    return () => {
      window.removeEventListener('afterprint', done);
      done();
    };
  }, []);
  return createPortal(
    <div className={`oc-print oc-print-${paper}`}>
      <style>{PAGE_RULE[paper]}</style>
      {children}
    </div>,
    document.body,
  );
}

/** A button that opens a preview of `render()` with 打印; the document is built only when asked for. */
export function PrintButton({
  label,
  title,
  paper,
  render,
  size,
  type,
}: {
  label: string;
  title: string;
  paper: Paper;
  render: () => ReactNode;
  size?: 'small' | 'middle';
  type?: 'default' | 'primary' | 'link';
}) {
  const [open, setOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const k = useT(kitMessages);
  useEffect(() => {
    if (!printing) return undefined;
    // one frame for the layer to be in the document before the dialog snapshots it
    const id = requestAnimationFrame(() => {
      printNow();
      setPrinting(false);
    });
    return () => cancelAnimationFrame(id);
  }, [printing]);
  // a click inside the (portalled) preview must not reach a clickable row the button sits in
  return (
    <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <Button size={size} type={type} icon={<PrinterOutlined />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open ? (
        <Modal
          open
          title={title}
          width={paper === 'a4' ? 860 : 380}
          onCancel={() => setOpen(false)}
          destroyOnHidden
          footer={[
            <Button key="close" onClick={() => setOpen(false)}>
              {k('close')}
            </Button>,
            <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
              {k('print')}
            </Button>,
          ]}
        >
          <div className={`oc-print-preview oc-print-preview-${paper}`} data-testid="print-preview">
            {render()}
          </div>
          {printing ? <PrintLayer paper={paper}>{render()}</PrintLayer> : null}
        </Modal>
      ) : null}
    </span>
  );
}
