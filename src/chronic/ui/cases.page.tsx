import { Card } from 'antd';

/** placeholder: built in the issue-11 UI work */
export function ChronicCasesPage() {
  return <Card>建设中</Card>;
}
